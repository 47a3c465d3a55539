/* HTML loader (source/html.c), encodings (source/decode.c) and input
 * sniffing through evl_source_load_bytes(). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "evl-private.h"
#include "source/source-private.h"

TestSuite (html);

static char *
fixture_path (const char *name)
{
  const char *root = g_getenv ("EVL_SOURCE_ROOT");
  cr_assert_not_null (root, "EVL_SOURCE_ROOT is not set");
  return g_build_filename (root, "tests", "fixtures", "html", name, NULL);
}

/* Loads @len bytes named @name with @fmt; exactly one document expected. */
static EvlDocument *
load_bytes_as (const char *name, const char *data, gsize len, EvlInputFormat fmt)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  opts.format = fmt;
  g_autoptr (GError) error = NULL;
  cr_assert (evl_source_load_bytes (name, data, len, &opts, docs, &error), "%s: %s", name,
             error ? error->message : "");
  cr_assert_eq (docs->len, 1, "%s: %u documents", name, docs->len);
  return evl_document_ref (docs->pdata[0]);
}

static EvlDocument *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  cr_assert (evl_source_load_file (path, NULL, docs, &error), "%s", error ? error->message : "");
  cr_assert_eq (docs->len, 1);
  return evl_document_ref (docs->pdata[0]);
}

static const char *
text_of (EvlDocument *doc)
{
  return evl_document_get_text (doc, NULL);
}

/* ---- main text vs boilerplate ---- */

Test (html, keeps_the_article_paragraphs_and_headings)
{
  g_autoptr (EvlDocument) doc = load_fixture ("news-article.html");
  const char *t = text_of (doc);
  cr_assert (g_str_has_prefix (t, "Harbour bridge reopens after two years of repairs\n\n"), "%s", t);
  cr_assert_not_null (strstr (t, "\n\nThe old harbour bridge reopened to traffic on Wednesday, two years"));
  cr_assert_not_null (strstr (t, "slightly more than the original estimate of 41 million.\n\n"));
  cr_assert_not_null (strstr (t, "\n\nFerries to keep running\n\n"), "heading not on its own line: %s", t);
  cr_assert_not_null (strstr (t, "inspect its other crossings next year."));
  cr_assert_str_eq (evl_document_get_id (doc), "news-article");
}

typedef struct {
  char fixture[32];
  char phrase[64];
} Absent;

static Absent absent_cases[] = {
  { "news-article.html", "Accept all cookies" },           /* cookie banner */
  { "news-article.html", "Opinion" },                      /* navigation */
  { "news-article.html", "Home / News" },                  /* breadcrumbs */
  { "news-article.html", "Share on Facebook" },            /* share tools */
  { "news-article.html", "Save 20 percent" },              /* advertisement */
  { "news-article.html", "morning briefing" },             /* newsletter */
  { "news-article.html", "Related coverage" },             /* related */
  { "news-article.html", "Ferry timetable extended" },     /* related list */
  { "news-article.html", "About the author" },             /* author box */
  { "news-article.html", "Join the discussion" },          /* comments */
  { "news-article.html", "waste of public money" },        /* a comment */
  { "news-article.html", "Storm warning" },                /* most read */
  { "news-article.html", "from one euro a week" },         /* promo */
  { "news-article.html", "All rights reserved" },          /* footer */
  { "news-article.html", "dataLayer" },                    /* script */
  { "news-article.html", "position: fixed" },              /* style */
  { "jsonld-graph.html", "Business" },                     /* menu */
  { "jsonld-graph.html", "use of cookies" },               /* consent popup */
  { "jsonld-graph.html", "Facebook" },                     /* social share */
  { "jsonld-graph.html", "newsletter" },                   /* newsletter */
  { "jsonld-graph.html", "overtime" },                     /* trending */
  { "jsonld-graph.html", "moderated" },                    /* comments */
  { "jsonld-graph.html", "all rights reserved" },          /* footer */
  { "latin1.html", "Startseite" },                         /* menu */
  { "latin1.html", "Lake Gazette" },                       /* footer */
  { "wordpress.html", "Skip to content" },                 /* skip link */
  { "wordpress.html", "Photo: Island Times" },             /* image caption */
  { "wordpress.html", "Share this" },                      /* sharing */
  { "wordpress.html", "Ferry timetable changes" },         /* related posts */
  { "wordpress.html", "Posted in" },                       /* entry footer */
  { "wordpress.html", "Previous post" },                   /* post navigation */
  { "wordpress.html", "About time too" },                  /* comment */
  { "wordpress.html", "Leave a Reply" },                   /* comment form */
  { "wordpress.html", "Recent Posts" },                    /* widget area */
  { "wordpress.html", "WordPress" },                       /* site footer */
  { "table-layout.html", "Weather" },                      /* navigation cell */
  { "big-news-site.html", "Skip to main content" },        /* skip link */
  { "big-news-site.html", "Food and drink" },              /* mega menu */
  { "big-news-site.html", "since 1881" },                  /* mega menu blurb */
  { "big-news-site.html", "Advertisement" },               /* ad slot labels */
  { "big-news-site.html", "Tamsin Orell" },                /* byline, author card */
  { "big-news-site.html", "Share on" },                    /* share buttons */
  { "big-news-site.html", "Photograph" },                  /* figure credit */
  { "big-news-site.html", "last sleeper service left" },   /* figcaption */
  { "big-news-site.html", "Read more" },                   /* inline link paragraph */
  { "big-news-site.html", "fares frozen" },                /* its link */
  { "big-news-site.html", "Related" },                     /* inline link paragraph */
  { "big-news-site.html", "station to get new roof" },     /* its link */
  { "big-news-site.html", "We did it" },                   /* embedded tweet */
  { "big-news-site.html", "@coastrail" },                  /* embedded tweet */
  { "big-news-site.html", "First Edition" },               /* newsletter box */
  { "big-news-site.html", "local government" },            /* author card */
  { "big-news-site.html", "Comments" },                    /* comments */
  { "big-news-site.html", "visit my parents" },            /* a comment */
  { "big-news-site.html", "Most read" },                   /* most read */
  { "big-news-site.html", "Storm closes" },                /* most read */
  { "big-news-site.html", "Registered in England" },       /* footer */
  { "big-news-site.html", "googletag" },                   /* script */
  { "amp.html", "Obituaries" },                            /* amp-sidebar menu */
  { "amp.html", "personalise ads" },                       /* amp-consent */
  { "amp.html", "Menu" },                                  /* header button */
  { "amp.html", "Advertisement" },                         /* amp-ad fallback */
  { "amp.html", "Email this story" },                      /* amp-social-share */
  { "amp.html", "Sponsored stories" },                     /* amp-embed */
  { "amp.html", "gtag" },                                  /* amp-analytics */
  { "amp.html", "Renata Solis" },                          /* byline */
  { "amp.html", "Copyright" },                             /* footer */
  { "live-blog.html", "Key events" },                      /* summary of links */
  { "live-blog.html", "9h ago" },                          /* summary of links */
  { "live-blog.html", "Share this entry" },                /* per-entry share */
  { "live-blog.html", "Load more" },                       /* pager */
  { "live-blog.html", "Older posts" },                     /* pager */
  { "live-blog.html", "Courier app" },                     /* promo */
  { "live-blog.html", "Courier Group" },                   /* footer */
  { "div-paragraphs.html", "Front page" },                 /* menu */
  { "div-paragraphs.html", "Ice fishing" },                /* link column */
  { "div-paragraphs.html", "18.01.2022" },                 /* date line outside the text */
  { "div-paragraphs.html", "Source: own reports" },        /* source line */
  { "div-paragraphs.html", "Tags" },                       /* tags */
  { "div-paragraphs.html", "Weather today" },              /* side box */
  { "div-paragraphs.html", "print edition" },              /* subscription box */
  { "div-paragraphs.html", "Reproduction" },               /* footer */
  { "main-no-article.html", "uses cookies" },              /* cookie notice */
  { "main-no-article.html", "Health" },                    /* navigation */
  { "main-no-article.html", "live Q&A" },                  /* inline promo */
  { "main-no-article.html", "More on this story" },        /* related links */
  { "main-no-article.html", "Glacier retreat" },           /* related links */
  { "main-no-article.html", "Enjoying Science Weekly" },   /* subscription call */
  { "main-no-article.html", "Privacy policy" },            /* footer */
  { "jsonld-array.html", "Obituaries" },                   /* navigation */
  { "jsonld-array.html", "Regional" },                     /* breadcrumbs */
  { "jsonld-array.html", "June 27, 2024" },                /* byline meta line */
  { "jsonld-array.html", "Filed under" },                  /* tags */
  { "jsonld-array.html", "Recommended for you" },          /* recommendations */
  { "jsonld-array.html", "superintendent" },               /* recommendations */
  { "jsonld-array.html", "news tip" },                     /* footer */
  { "time-byline.html", "marathon" },                      /* ticker */
  { "time-byline.html", "Mirela Cosma" },                  /* byline */
  { "time-byline.html", "Blossom festival" },              /* widget */
  { "time-byline.html", "plums" },                         /* comment */
  { "modified-published.html", "Standardbearer" },         /* header */
  { "modified-published.html", "Updated" },                /* dateline */
  { "modified-published.html", "First published" },        /* dateline */
  { "modified-published.html", "More from Arts" },         /* more-from box */
  { "windows-1252.html", "Startseite" },                   /* navigation table */
  { "windows-1252.html", "Alle Rechte" },                  /* copyright line */
  { "paywall-overlay.html", "privacy" },                   /* consent dialog */
  { "paywall-overlay.html", "842 partners" },              /* consent dialog */
  { "paywall-overlay.html", "limit of free articles" },    /* paywall offer */
  { "paywall-overlay.html", "price of a coffee" },         /* paywall offer */
  { "paywall-overlay.html", "Continue reading" },          /* paywall fade */
  { "paywall-overlay.html", "Anouk Verhaegen" },           /* byline */
  { "paywall-overlay.html", "Meridian app" },              /* bottom bar */
  { "print-view.html", "Print this page" },                /* print tools */
  { "print-view.html", "Close window" },                   /* print tools */
  { "print-view.html", "Printed from" },                   /* print header */
  { "print-view.html", "Print:" },                         /* title prefix */
  { "print-view.html", "reprints desk" },                  /* reprint notice */
  { "print-view.html", "font-family" },                    /* style */
  { "teaser-cards.html", "Ambulance response" },           /* teaser card headline */
  { "teaser-cards.html", "under eight minutes" },          /* teaser card summary */
  { "teaser-cards.html", "400-space car park" },           /* teaser card summary */
  { "teaser-cards.html", "hospital radio" },               /* teaser <article> */
  { "teaser-cards.html", "Charity shop" },                 /* teaser <article> */
  { "teaser-cards.html", "Advertise with us" },            /* footer */
  { "hashed-classes.html", "Markets" },                    /* navigation */
  { "hashed-classes.html", "Kasimir" },                    /* byline, staff line */
  { "hashed-classes.html", "2:02 PM" },                    /* date line */
  { "hashed-classes.html", "Scroll to continue" },         /* ad slot label */
  { "hashed-classes.html", "Hannelore Beck" },             /* wire staff line */
  { "hashed-classes.html", "Trust Principles" },           /* standards link */
  { "hashed-classes.html", "Read Next" },                  /* context widget */
  { "hashed-classes.html", "Wheat futures" },              /* context widget */
  { "hashed-classes.html", "quotes delayed" },             /* footer */
  { "hashed-classes.html", "pageProps" },                  /* page data script */
};

ParameterizedTestParameters (html, boilerplate_is_dropped)
{
  return cr_make_param_array (Absent, absent_cases, G_N_ELEMENTS (absent_cases));
}

ParameterizedTest (Absent *c, html, boilerplate_is_dropped)
{
  g_autoptr (EvlDocument) doc = load_fixture (c->fixture);
  const char *t = text_of (doc);
  cr_assert_null (strstr (t, c->phrase), "%s: '%s' kept in:\n%s", c->fixture, c->phrase, t);
  cr_assert (strlen (t) > 200, "%s: article text lost:\n%s", c->fixture, t);
}

typedef struct {
  char fixture[32];
  char phrase[128];
} Kept;

static Kept kept_cases[] = {
  { "wordpress.html", "Ferry strike ends after three days\n\n" },
  { "wordpress.html", "\n\nFerry crews returned to work on Thursday" },
  { "wordpress.html", "\n\nThe agreement gives crews two more rest days a month" },
  { "table-layout.html", "Town council votes to close the old market hall\n\n" },
  { "table-layout.html", "\n\nThe town council voted on Monday evening" },
  { "table-layout.html", "\n\nTraders, who have run stalls" },
  { "table-layout.html", "\n\nThe council said a new covered market" },
  /* paragraph breaks kept where boilerplate between paragraphs was dropped */
  { "big-news-site.html", "through the summer.\n\nCampaigners, who collected" },
  { "big-news-site.html", "were too high.\n\nThe transport board's chair" },
  { "big-news-site.html", "for a small fee.\n\nTickets go on sale in January" },
  { "amp.html", "a vacant house.\n\nEvacuation orders" },
  { "amp.html", "by the afternoon.\n\nInvestigators said" },
  /* every entry of the live blog, newest first, each with its time */
  { "live-blog.html", "\n\n15:40 GMT\n\nFerries cancelled for the rest of the day\n\nThe ferry operator" },
  { "live-blog.html", "or ask for a refund, the company said.\n\n11:15 GMT\n\nThe port authority says" },
  { "live-blog.html", "southern terminal.\n\n06:02 GMT\n\nStrike begins" },
  { "live-blog.html", "\n\nDockers at the container terminal walked out" },
  { "div-paragraphs.html", "the lake shipping company said.\n\nAll 57 passengers" },
  { "div-paragraphs.html", "at the time.\n\nA salvage team" },
  { "main-no-article.html", "\n\nDrilling through the shelf\n\nResearchers plan" },
  { "main-no-article.html", "away from below.\n\n\"We can see the surface" },
  { "jsonld-array.html", "told the board.\n\nCrews will start" },
  { "time-byline.html", "\"We did everything we could.\"\n\nThe cooperative" },
  { "modified-published.html", "main hall.\n\nThe museum's director" },
  { "windows-1252.html", "\n\n\xE2\x80\x9CWe did not want to strike, but there was no other way,"
                         "\xE2\x80\x9D said J\xC3\xB6rg" },
  { "windows-1252.html", "loaf\xE2\x80\xA6 a cost it called \xE2\x80\x9Cpainful but fair\xE2\x80\x9D. "
                         "A loaf of rye bread now costs \xE2\x82\xAC" "3.40." },
  { "windows-1252.html", "the town\xE2\x80\x99s fourteen bakeries.\n\n" },
  { "paywall-overlay.html", "shuttle bus.\n\nThe ban was approved by 31 votes to 8." },
  { "print-view.html", "a revised cost estimate.\n\nThe estimate, presented" },
  { "print-view.html", "at the October meeting.\n\nConstruction, if approved" },
  { "hashed-classes.html", "operator data showed.\n\nTraders said the delay" },
};

ParameterizedTestParameters (html, article_text_is_kept)
{
  return cr_make_param_array (Kept, kept_cases, G_N_ELEMENTS (kept_cases));
}

ParameterizedTest (Kept *c, html, article_text_is_kept)
{
  g_autoptr (EvlDocument) doc = load_fixture (c->fixture);
  cr_assert_not_null (strstr (text_of (doc), c->phrase), "%s: '%s' missing in:\n%s", c->fixture, c->phrase,
                      text_of (doc));
}

/* Saved pages of common layouts: the text is the title, then the article's
 * paragraphs and nothing else (counted), first and last as written; title,
 * URL and date from the page's metadata. */
typedef struct {
  char fixture[32];
  char title[64];
  char dct[12];
  char url[72];
  char first[64];   /* opening of the first paragraph after the title */
  char last[64];    /* the end of the text */
  guint paragraphs; /* title and headings included */
} PageCase;

static PageCase page_cases[] = {
  { "big-news-site.html", "Night trains to return to the coast next spring", "2024-10-02",
    "https://herald.example.net/news/uk/night-trains-return", "Overnight trains between the capital",
    "leave the capital on the evening of 14 April.", 6 },
  { "amp.html", "Wildfire near Calloway contained after four days", "2023-08-19",
    "https://www.valleypost.example.com/news/calloway-wildfire-contained", "Firefighters contained the wildfire",
    "among the possibilities they were examining.", 5 },
  { "live-blog.html", "Harbour strike live: dockers walk out as talks collapse", "2025-03-11", "", "15:40 GMT",
    "unless the employers returned with a new offer.", 11 },
  { "div-paragraphs.html", "Lake ferry runs aground in fog, all passengers safe", "2022-01-18", "",
    "The passenger ferry Mariella ran aground", "failed shortly before the grounding.", 7 },
  { "main-no-article.html", "University opens research station on the ice shelf", "2021-11-25", "",
    "A twelve-person base will study", "expected to be published next spring.", 8 },
  { "jsonld-array.html", "Water utility to replace lead pipes in three towns by 2027", "2024-06-27",
    "https://observer.example.org/news/regional/lead-pipes", "The Tri-County Water Authority will",
    "provide free filters in the meantime.", 5 },
  { "time-byline.html", "Orchard growers count losses after late frost", "2019-05-07", "",
    "Fruit growers in the upper valley", "expects to finish by the end of the month.", 5 },
  { "modified-published.html", "Museum returns carved doors to island community", "2023-04-28", "",
    "A pair of carved wooden doors", "to correct the spelling of the island's name.", 5 },
  { "windows-1252.html", "Bakers\xE2\x80\x99 strike ends with 6% pay deal", "2018-02-15", "",
    "Rheinau \xE2\x80\x93 After nine days", "Shops will reopen on Friday morning, the union said.", 6 },
  { "paywall-overlay.html", "Port city to ban cruise ships from old harbour", "2022-07-21", "",
    "The city council of Saint-Aubrac voted", "outside the town hall after the vote.", 5 },
  { "print-view.html", "Council delays vote on new tram line", "2017-09-05", "",
    "Council delays vote on new tram line\nBy Hollis", "the first trams would run in 2022.", 5 },
  { "teaser-cards.html", "Hospital opens new cancer ward after fundraising drive", "2020-02-04", "",
    "A new cancer ward with twenty-four beds", "would move in at the end of the week.", 5 },
  { "hashed-classes.html", "Grain exports through northern port resume after ice delays", "2024-01-23", "",
    "HELSBORG, Jan 23 (Wirefeed) - Grain shipments", "above minus fifteen degrees, a spokesperson said.", 5 },
};

ParameterizedTestParameters (html, saved_pages)
{
  return cr_make_param_array (PageCase, page_cases, G_N_ELEMENTS (page_cases));
}

ParameterizedTest (PageCase *c, html, saved_pages)
{
  g_autoptr (EvlDocument) doc = load_fixture (c->fixture);
  const char *t = text_of (doc);
  const char *title = evl_document_get_title (doc);
  cr_assert_str_eq (title ? title : "(none)", c->title, "%s", c->fixture);
  const char *dct = evl_document_get_dct (doc);
  cr_assert_str_eq (dct ? dct : "(none)", c->dct, "%s", c->fixture);
  cr_assert_eq (evl_document_get_dct_source (doc), EVL_DCT_METADATA, "%s", c->fixture);
  if (*c->url)
    cr_assert_str_eq (evl_document_get_url (doc) ? evl_document_get_url (doc) : "(none)", c->url, "%s",
                      c->fixture);
  g_autofree char *opening = g_strdup_printf ("%s\n\n%s", c->title, c->first);
  /* the print view's headline is its own first line */
  cr_assert (g_str_has_prefix (t, opening) || g_str_has_prefix (t, c->first), "%s: starts wrong:\n%s",
             c->fixture, t);
  cr_assert (g_str_has_suffix (t, c->last), "%s: ends wrong:\n%s", c->fixture, t);
  g_auto (GStrv) paras = g_strsplit (t, "\n\n", -1);
  cr_assert_eq (g_strv_length (paras), c->paragraphs, "%s: %u paragraphs:\n%s", c->fixture,
                g_strv_length (paras), t);
  for (guint i = 0; paras[i]; i++)
    cr_assert (*paras[i] && !g_ascii_isspace (*paras[i]), "%s: paragraph %u empty or unstripped", c->fixture, i);
}

Test (html, article_without_article_element_is_found_by_paragraph_density)
{
  g_autoptr (EvlDocument) doc = load_fixture ("jsonld-graph.html");
  const char *t = text_of (doc);
  cr_assert (g_str_has_prefix (t, "Rail strike halts trains across the north\n\nTrain drivers"), "%s", t);
  cr_assert_not_null (strstr (t, "further walkouts could follow in April"));
}

/* ---- metadata ---- */

Test (html, og_metadata_gives_title_url_and_date)
{
  g_autoptr (EvlDocument) doc = load_fixture ("news-article.html");
  cr_assert_str_eq (evl_document_get_title (doc), "Harbour bridge reopens after two years of repairs");
  cr_assert_str_eq (evl_document_get_url (doc), "https://ledger.example.com/news/2023/09/harbour-bridge-reopens");
  cr_assert_str_eq (evl_document_get_dct (doc), "2023-09-14");
  cr_assert_eq (evl_document_get_dct_source (doc), EVL_DCT_METADATA);
}

Test (html, jsonld_graph_article_date_beats_the_webpage_date)
{
  g_autoptr (EvlDocument) doc = load_fixture ("jsonld-graph.html");
  cr_assert_str_eq (evl_document_get_dct (doc), "2023-03-07");
  cr_assert_str_eq (evl_document_get_title (doc), "Rail strike halts trains across the north");
  cr_assert_str_eq (evl_document_get_url (doc), "https://wire.example.org/rail-strike");
}

typedef struct {
  char label[32];
  char head[400];
  char body_extra[300];
  char dct[16];
  char title[64];
} MetaCase;

#define ARTICLE_P "<p>The council approved the new budget on Thursday after a long debate about school funding and roads.</p>"

static MetaCase meta_cases[] = {
  { "og", "<meta property=\"article:published_time\" content=\"2021-06-30T23:30:00-05:00\">"
          "<meta property=\"og:title\" content=\"Budget passes\"><title>Budget passes | Site</title>",
    "", "2021-06-30", "Budget passes" },
  { "jsonld-object", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"LD headline\","
                     "\"datePublished\":\"2020-02-29T12:00:00Z\"}</script>",
    "", "2020-02-29", "LD headline" },
  { "jsonld-graph", "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Organization\"},"
                    "{\"@type\":\"ReportageNewsArticle\",\"datePublished\":\"2019-10-01\"}]}</script>",
    "", "2019-10-01", "" },
  { "jsonld-array", "<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\"},"
                    "{\"@type\":[\"Article\"],\"datePublished\":\"2018-12-24\"}]</script>",
    "", "2018-12-24", "" },
  { "time-datetime", "<title>Budget passes</title>", "<time datetime=\"2017-03-05T09:00\">5 March</time>",
    "2017-03-05", "Budget passes" },
  { "meta-date", "<meta name=\"date\" content=\"2016-07-04\">", "", "2016-07-04", "" },
  { "dc-date", "<meta name=\"DC.date.issued\" content=\"2015/01/31\">", "", "2015-01-31", "" },
  { "pubdate-rfc", "<meta name=\"pubdate\" content=\"Tue, 14 Jan 2014 08:00:00 GMT\">", "", "2014-01-14", "" },
  { "itemprop", "", "<span itemprop=\"datePublished\" content=\"x\">May 3, 2013</span>", "2013-05-03", "" },
  { "og-beats-time", "<meta property=\"article:published_time\" content=\"2012-08-08\">",
    "<time datetime=\"2011-01-01\">old</time>", "2012-08-08", "" },
  { "h1-title", "<title>Ignored | Site</title>", "<h1>The h1 headline</h1>", "", "The h1 headline" },
  { "title-site-suffix", "<title>Budget passes after a long debate | The Daily Example</title>", "", "",
    "Budget passes after a long debate" },
  { "title-short-dash-kept", "<title>Kim - Putin talks</title>", "", "", "Kim - Putin talks" },
  { "bad-date-skipped", "<meta property=\"article:published_time\" content=\"soon\">"
                        "<meta name=\"date\" content=\"2010-10-10\">", "", "2010-10-10", "" },
  { "time-after-updated-word", "", "<p>Updated: <time datetime=\"2020-05-09\">9 May</time> Published "
                                   "<time datetime=\"2020-05-01\">1 May</time></p>", "2020-05-01", "" },
  { "time-itemprop-modified", "", "<time itemprop=\"dateModified\" datetime=\"2020-06-09\">9 June</time>"
                                  "<time datetime=\"2020-06-02\">2 June</time>", "2020-06-02", "" },
  { "modified-time-last-resort", "", "<span>Last updated <time datetime=\"2020-07-07\">7 July</time></span>",
    "2020-07-07", "" },
  { "time-in-comments-not-taken", "", "<div class=\"comments\"><time datetime=\"2020-08-08\">8 Aug</time></div>",
    "(none)", "" },
  { "time-in-byline-taken", "", "<div class=\"byline\">By A. Writer <time datetime=\"2020-09-09\">9 Sep</time></div>",
    "2020-09-09", "" },
  { "jsonld-cdata-raw-newline", "<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\": \"NewsArticle\", "
                                "\"headline\": \"Budget\npasses\", \"datePublished\": \"2009-09-09\"}\n//]]></script>",
    "", "2009-09-09", "Budget passes" },
  { "url-date", "<meta property=\"og:url\" content=\"https://news.example.com/world/2016/03/05/budget-passes\">",
    "", "2016-03-05", "" },
  { "url-date-compact", "<link rel=\"canonical\" href=\"https://news.example.com/20150607/budget\">", "",
    "2015-06-07", "" },
  { "url-year-month-only", "<meta property=\"og:url\" content=\"https://news.example.com/2016/03/budget\">", "",
    "(none)", "" },
  { "url-id-not-a-date", "<meta property=\"og:url\" content=\"https://news.example.com/a/20161399/budget\">", "",
    "(none)", "" },
  { "meta-beats-url", "<meta property=\"og:url\" content=\"https://news.example.com/2016/03/05/budget\">"
                      "<meta name=\"date\" content=\"2016-03-04\">", "", "2016-03-04", "" },
  { "og-site-name-suffix", "<meta property=\"og:title\" content=\"Budget passes | The Example\">"
                           "<meta property=\"og:site_name\" content=\"The Example\">", "", "", "Budget passes" },
  { "og-site-name-prefix", "<title>The Example: Budget passes after a long night</title>"
                           "<meta property=\"og:site_name\" content=\"The Example\">", "", "",
    "Budget passes after a long night" },
  { "print-title", "<title>Print: Budget passes</title>", "", "", "Budget passes" },
  { "colon-title-kept", "<title>Budget: council agrees cuts</title>", "", "", "Budget: council agrees cuts" },
};

ParameterizedTestParameters (html, metadata_kinds)
{
  return cr_make_param_array (MetaCase, meta_cases, G_N_ELEMENTS (meta_cases));
}

ParameterizedTest (MetaCase *c, html, metadata_kinds)
{
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html><html><head>%s</head><body><article>%s%s"
                                           "</article></body></html>", c->head, c->body_extra, ARTICLE_P);
  g_autoptr (EvlDocument) doc = load_bytes_as ("page.html", page, strlen (page), EVL_FORMAT_AUTO);
  if (*c->dct)
    cr_assert_str_eq (evl_document_get_dct (doc) ? evl_document_get_dct (doc) : "(none)", c->dct,
                      "%s", c->label);
  if (*c->dct && strcmp (c->dct, "(none)") != 0)
    cr_assert_eq (evl_document_get_dct_source (doc), EVL_DCT_METADATA, "%s", c->label);
  if (*c->title)
    cr_assert_str_eq (evl_document_get_title (doc) ? evl_document_get_title (doc) : "(none)", c->title,
                      "%s", c->label);
  cr_assert_not_null (strstr (text_of (doc), "approved the new budget"), "%s", c->label);
}

Test (html, article_element_around_the_headline_only_is_not_the_article)
{
  const char *page =
    "<html><body><article><h1>Dam opens</h1><p>A short teaser line.</p></article>"
    "<div class=\"copy\"><p>The new dam on the river opened on Monday after six years of work, the water board said.</p>"
    "<p>It will hold back enough water for the city through a dry summer, engineers said at the opening.</p>"
    "<p>Farmers downstream, who opposed the project, said they would keep watching the river levels closely.</p></div>"
    "</body></html>";
  g_autoptr (EvlDocument) doc = load_bytes_as ("teaser.html", page, strlen (page), EVL_FORMAT_AUTO);
  cr_assert_not_null (strstr (text_of (doc), "Farmers downstream"), "%s", text_of (doc));
  cr_assert_not_null (strstr (text_of (doc), "The new dam on the river"), "%s", text_of (doc));
}

Test (html, stories_loaded_one_after_another_are_not_merged)
{
  g_autoptr (GString) page = g_string_new ("<html><body><div class=\"stream\">");
  static const char *const stories[] = { "Bridge", "Tunnel", "Harbour" };
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    {
      g_string_append_printf (page, "<article><h1>%s story</h1>", stories[i]);
      for (guint j = 0; j < 4 - i; j++)
        g_string_append_printf (page, "<p>The %s works went on through the night, said the engineers on site, "
                                      "as traffic was diverted.</p>", stories[i]);
      g_string_append (page, "</article>");
    }
  g_string_append (page, "</div></body></html>");
  g_autoptr (EvlDocument) doc = load_bytes_as ("scroll.html", page->str, page->len, EVL_FORMAT_AUTO);
  cr_assert_not_null (strstr (text_of (doc), "The Bridge works"), "%s", text_of (doc));
  cr_assert_null (strstr (text_of (doc), "Tunnel"), "%s", text_of (doc));
  cr_assert_null (strstr (text_of (doc), "Harbour"), "%s", text_of (doc));
}

Test (html, amp_live_list_updates_are_kept)
{
  const char *page = "<html amp><body><amp-sidebar><a href=\"/\">Home</a></amp-sidebar><amp-live-list id=\"live\">"
                     "<div update><button on=\"tap:live.update\">New updates</button></div><div items>"
                     "<div id=\"u2\" data-sort-time=\"2\"><p>The second update says the budget vote was delayed by an hour.</p></div>"
                     "<div id=\"u1\" data-sort-time=\"1\"><p>The first update says the council met at nine to debate the budget.</p></div>"
                     "</div></amp-live-list><amp-ad type=\"x\"><div fallback>Sponsored words</div></amp-ad></body></html>";
  g_autoptr (EvlDocument) doc = load_bytes_as ("live-amp.html", page, strlen (page), EVL_FORMAT_AUTO);
  const char *t = text_of (doc);
  cr_assert_not_null (strstr (t, "delayed by an hour.\n\nThe first update says"), "%s", t);
  cr_assert_null (strstr (t, "Sponsored"), "%s", t);
  cr_assert_null (strstr (t, "New updates"), "%s", t);
  cr_assert_null (strstr (t, "Home"), "%s", t);
}

Test (html, saved_page_comment_gives_the_url_and_its_date)
{
  const char *page = "<!DOCTYPE html>\n<!-- saved from url=(0058)https://paper.example.com/local/2014/02/03/budget.html -->\n"
                     "<html><head><title>Budget</title></head><body><article>" ARTICLE_P "</article></body></html>";
  g_autoptr (EvlDocument) doc = load_bytes_as ("saved.html", page, strlen (page), EVL_FORMAT_AUTO);
  cr_assert_str_eq (evl_document_get_url (doc), "https://paper.example.com/local/2014/02/03/budget.html");
  cr_assert_str_eq (evl_document_get_dct (doc), "2014-02-03");
  cr_assert_eq (evl_document_get_dct_source (doc), EVL_DCT_METADATA);
}

Test (html, itemprop_headline_gives_the_title)
{
  const char *page = "<html><head><title>Site front</title></head><body><div itemscope>"
                     "<span itemprop=\"headline\">Budget passes at last</span>"
                     "<div itemprop=\"articleBody\">" ARTICLE_P "</div></div></body></html>";
  g_autoptr (EvlDocument) doc = load_bytes_as ("micro.html", page, strlen (page), EVL_FORMAT_AUTO);
  cr_assert_str_eq (evl_document_get_title (doc), "Budget passes at last");
}

Test (html, script_rendered_page_uses_json_ld_article_body)
{
  const char *page =
    "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Dam opens\","
    " \"articleBody\": \"The dam opened on Monday after six years of work.\\nFarmers downstream said they would watch"
    " the river.\"}</script></head><body><div id=\"app\">Loading...</div></body></html>";
  g_autoptr (EvlDocument) doc = load_bytes_as ("app.html", page, strlen (page), EVL_FORMAT_AUTO);
  cr_assert_str_eq (text_of (doc), "Dam opens\n\nThe dam opened on Monday after six years of work.\n\n"
                                   "Farmers downstream said they would watch the river.");
}

typedef struct {
  char label[32];
  char element[160];
} HiddenCase;

static HiddenCase hidden_cases[] = {
  { "role-navigation", "<div role=\"navigation\"><p>SECRET words in a landmark menu block here.</p></div>" },
  { "role-complementary", "<div role=\"complementary\"><p>SECRET words in a side block here.</p></div>" },
  { "hidden-attribute", "<div hidden><p>SECRET words in a hidden block of the page.</p></div>" },
  { "aria-hidden", "<div aria-hidden=\"true\"><p>SECRET words in an aria-hidden block.</p></div>" },
  { "display-none", "<div style=\"color: red; display : none\"><p>SECRET words, not displayed.</p></div>" },
  { "display-none-class", "<div class=\"box d-none\"><p>SECRET words in a class-hidden block.</p></div>" },
  { "data-component", "<div data-component=\"links-block\"><p>SECRET words in <a href=\"/x\">a</a> links block.</p></div>" },
  { "data-testid-camel", "<div data-testid=\"AuthorByline\"><p>SECRET Writer, reporting from the city hall.</p></div>" },
  { "noscript", "<noscript><p>SECRET words for browsers without script.</p></noscript>" },
  { "link-list", "<ul><li><a href=\"/a\">SECRET one</a></li><li><a href=\"/b\">Other two</a></li></ul>" },
  { "read-more-link", "<p>Read: <a href=\"/a\">SECRET words of another story here</a></p>" },
};

ParameterizedTestParameters (html, hidden_and_link_furniture)
{
  return cr_make_param_array (HiddenCase, hidden_cases, G_N_ELEMENTS (hidden_cases));
}

ParameterizedTest (HiddenCase *c, html, hidden_and_link_furniture)
{
  g_autofree char *page = g_strdup_printf ("<html><body><article>%s%s</article></body></html>", ARTICLE_P, c->element);
  g_autoptr (EvlDocument) doc = load_bytes_as ("h.html", page, strlen (page), EVL_FORMAT_AUTO);
  cr_assert_null (strstr (text_of (doc), "SECRET"), "%s: %s", c->label, text_of (doc));
  cr_assert_not_null (strstr (text_of (doc), "approved the new budget"), "%s", c->label);
}

/* Paragraphs that are furniture by their words, after the article's text;
 * and look-alikes that are the article's own. */
typedef struct {
  char label[32];
  char element[200];
  char phrase[48];
  int kept;
} WordsCase;

static WordsCase words_cases[] = {
  { "ad-label", "<div><p>ADVERTISEMENT</p></div>", "ADVERTISEMENT", 0 },
  { "ad-continue", "<p>Story continues below advertisement</p>", "continues below", 0 },
  { "read-more-short-link", "<p><strong>READ MORE:</strong> <a href=\"/x\">Floods</a></p>", "Floods", 0 },
  { "related-link", "<p>Related: <a href=\"/x\">Budget</a> talks</p>", "talks", 0 },
  { "copyright", "<p>\xC2\xA9 2024 Example Media Ltd.</p>", "Example Media", 0 },
  { "rights-reserved", "<div>Example Media 2024. All rights reserved.</div>", "Example Media", 0 },
  { "share-label", "<div>Share this article</div>", "Share this", 0 },
  { "tweet-embed", "<blockquote class=\"twitter-tweet\"><p>Budget day! Big news for our schools.</p></blockquote>",
    "Big news", 0 },
  { "byline", "<div class=\"byline\">By Ann Example, political reporter</div>", "Ann Example", 0 },
  { "amp-ad", "<amp-ad width=\"300\" height=\"250\"><div fallback>Sponsored links here</div></amp-ad>",
    "Sponsored", 0 },
  { "dangling-heading", "<h3>More on this story</h3><ul><li><a href=\"/a\">One</a></li></ul>", "More on this", 0 },
  { "box-heading-mid-text", "<div class=\"box\"><h3>Most read</h3><ol><li><a href=\"/a\">One</a></li></ol></div>"
                            "<p>The mayor will sign the budget into law on Monday.</p>", "Most read", 0 },
  { "photo-credit-line", "<p>Photo: Ann Example/Example Agency</p>", "Example Agency", 0 },
  { "wire-staff-line", "<p>Reporting by Ann Example; Editing by Bo Sample</p>", "Bo Sample", 0 },
  { "follow-line", "<p>Follow us on social media for the latest budget news.</p>", "social media", 0 },
  { "newsletter-line", "<p>Sign up for our free morning newsletter here.</p>", "morning newsletter", 0 },
  { "photo-in-a-sentence", "<p>Photographs of the budget papers were shown to the council on Monday.</p>",
    "Photographs of", 1 },
  { "related-without-link", "<p>Related talks on the school budget will continue next week.</p>",
    "Related talks", 1 },
  { "read-more-in-a-sentence", "<p>Voters can read more about the <a href=\"/plan\">plan</a> in the town hall.</p>",
    "Voters can read more", 1 },
  { "copyright-story", "<p>Copyright lawyers said the ruling on the budget website could be appealed.</p>",
    "Copyright lawyers", 1 },
  { "heading-with-text", "<h2>What happens next</h2><p>The mayor will sign the budget into law on Monday.</p>",
    "What happens next", 1 },
};

ParameterizedTestParameters (html, furniture_by_words)
{
  return cr_make_param_array (WordsCase, words_cases, G_N_ELEMENTS (words_cases));
}

ParameterizedTest (WordsCase *c, html, furniture_by_words)
{
  g_autofree char *page = g_strdup_printf ("<html><body><article>%s%s</article></body></html>", ARTICLE_P, c->element);
  g_autoptr (EvlDocument) doc = load_bytes_as ("w.html", page, strlen (page), EVL_FORMAT_AUTO);
  const char *t = text_of (doc);
  if (c->kept)
    cr_assert_not_null (strstr (t, c->phrase), "%s: dropped: %s", c->label, t);
  else
    cr_assert_null (strstr (t, c->phrase), "%s: kept: %s", c->label, t);
  cr_assert_not_null (strstr (t, "approved the new budget"), "%s", c->label);
}

Test (html, page_without_any_date_has_no_dct)
{
  const char *page = "<html><body><article>" ARTICLE_P "</article></body></html>";
  g_autoptr (EvlDocument) doc = load_bytes_as ("nodate.html", page, strlen (page), EVL_FORMAT_AUTO);
  cr_assert_null (evl_document_get_dct (doc));
}

Test (html, page_without_text_is_an_error)
{
  const char *page = "<html><body><nav><a href=\"/\">Home</a></nav></body></html>";
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  cr_assert_not (evl_source_load_bytes ("empty.html", page, strlen (page), NULL, docs, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_PARSE));
  cr_assert_not_null (strstr (error->message, "empty.html"));
}

/* ---- encodings ---- */

Test (html, latin1_page_with_meta_charset_is_converted)
{
  g_autoptr (EvlDocument) doc = load_fixture ("latin1.html");
  const char *t = text_of (doc);
  cr_assert (g_utf8_validate (t, -1, NULL));
  cr_assert_not_null (strstr (t, "Caf\xC3\xA9 owners in Z\xC3\xBCrich marched"), "%s", t);
  cr_assert_not_null (strstr (t, "\xC2\xABunfair\xC2\xBB"), "%s", t);
  cr_assert_str_eq (evl_document_get_title (doc), "Caf\xC3\xA9 owners in Z\xC3\xBCrich protest new rent rules");
  cr_assert_str_eq (evl_document_get_dct (doc), "2022-11-30");
}

typedef struct {
  char label[32];
  char page[200];
  char expect[32];
} CharsetCase;

static CharsetCase charset_cases[] = {
  { "meta-charset-1252", "<meta charset=\"windows-1252\"><p>It cost \x80" "5 \x96 a bargain.</p>",
    "\xE2\x82\xAC" "5 \xE2\x80\x93 a" },
  { "xml-declaration", "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html><p>Price \xA4" "9 today.</p></html>",
    "\xE2\x82\xAC" "9" },
  { "undeclared-latin1", "<html><p>Na\xEFve caf\xE9 owners said so.</p></html>", "Na\xC3\xAFve caf\xC3\xA9" },
  { "utf8-despite-latin1-label", "<meta charset=\"iso-8859-1\"><p>Caf\xC3\xA9 prices rose.</p>", "Caf\xC3\xA9 prices" },
  { "declared-utf8-broken", "<meta charset=\"utf-8\"><p>Bad \xFF byte here.</p>", "Bad \xEF\xBF\xBD byte" },
  /* the web reads an iso-8859-1 label as windows-1252: curly quotes survive */
  { "latin1-label-curly-quotes", "<meta charset=\"iso-8859-1\"><p>\x93Yes,\x94 she said \x96 twice.</p>",
    "\xE2\x80\x9CYes,\xE2\x80\x9D she said \xE2\x80\x93" },
};

ParameterizedTestParameters (html, declared_charsets)
{
  return cr_make_param_array (CharsetCase, charset_cases, G_N_ELEMENTS (charset_cases));
}

ParameterizedTest (CharsetCase *c, html, declared_charsets)
{
  g_autoptr (EvlDocument) doc = load_bytes_as ("c.html", c->page, strlen (c->page), EVL_FORMAT_HTML);
  cr_assert_not_null (strstr (text_of (doc), c->expect), "%s: %s", c->label, text_of (doc));
}

Test (html, unknown_charset_is_an_encoding_error)
{
  const char *page = "<meta charset=\"x-no-such-charset\"><p>Caf\xE9</p>";
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  opts.format = EVL_FORMAT_HTML;
  cr_assert_not (evl_source_load_bytes ("u.html", page, strlen (page), &opts, docs, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_ENCODING), "%s", error->message);
}

Test (html, boms_are_handled)
{
  const char *utf8 = "\xEF\xBB\xBFThe bridge reopened on Wednesday.";
  g_autoptr (EvlDocument) a = load_bytes_as ("a.txt", utf8, strlen (utf8), EVL_FORMAT_AUTO);
  cr_assert_str_eq (text_of (a), "The bridge reopened on Wednesday.");

  /* "Hi é." in UTF-16LE and UTF-16BE with BOMs */
  static const char le[] = "\xFF\xFEH\0i\0 \0\xE9\0.\0";
  g_autoptr (EvlDocument) b = load_bytes_as ("b.txt", le, sizeof le - 1, EVL_FORMAT_AUTO);
  cr_assert_str_eq (text_of (b), "Hi \xC3\xA9.");
  static const char be[] = "\xFE\xFF\0H\0i\0 \0\xE9\0.";
  g_autoptr (EvlDocument) c = load_bytes_as ("c.txt", be, sizeof be - 1, EVL_FORMAT_AUTO);
  cr_assert_str_eq (text_of (c), "Hi \xC3\xA9.");

  /* a UTF-16 HTML page: BOM first, then sniffed as HTML */
  g_autoptr (GString) page = g_string_new ("\xFF\xFE");
  const char *src = "<html><body><p>Sixteen bits per unit, read as a web page.</p></body></html>";
  for (const char *p = src; *p; p++)
    g_string_append_len (page, (const char[]) { *p, 0 }, 2);
  g_autoptr (EvlDocument) d = load_bytes_as ("d", page->str, page->len, EVL_FORMAT_AUTO);
  cr_assert_str_eq (text_of (d), "Sixteen bits per unit, read as a web page.");
}

Test (html, invalid_utf8_text_is_rejected)
{
  const char *latin1 = "Caf\xE9 owners protested.";
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  cr_assert_not (evl_source_load_bytes ("l.txt", latin1, strlen (latin1), NULL, docs, &error));
  cr_assert (g_error_matches (error, EVL_ERROR, EVL_ERROR_ENCODING), "%s", error->message);
}

/* ---- robustness ---- */

Test (html, nested_100000_levels_deep_does_not_crash, .timeout = 30 * EVL_TIMEOUT_SCALE)
{
  const guint depth = 100000;
  g_autoptr (GString) page = g_string_new ("<html><body><article><p>Before the nest, a sentence of text.</p>");
  for (guint i = 0; i < depth; i++)
    g_string_append (page, "<div><span>");
  g_string_append (page, "deep");
  for (guint i = 0; i < depth; i++)
    g_string_append (page, "</span></div>");
  g_string_append (page, "<p>After the nest, another sentence.</p></article></body></html>");
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  /* libxml2 may give up below its depth limit; it must not crash. */
  gboolean ok = evl_source_load_bytes ("deep.html", page->str, page->len, NULL, docs, &error);
  cr_assert (ok || error != NULL);
  if (ok)
    cr_assert_not_null (strstr (text_of (docs->pdata[0]), "Before the nest"));
}

Test (html, many_paragraphs_and_classes_load_in_linear_time, .timeout = 30 * EVL_TIMEOUT_SCALE)
{
  g_autoptr (GString) page = g_string_new ("<html><body><article>");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (page, "<p class=\"para p-%u story-text\">Paragraph %u, with a comma.</p>"
                                  "<div class=\"ad-slot\"><a href=\"/x\">ad</a></div>", i, i);
  g_string_append (page, "</article></body></html>");
  g_autoptr (EvlDocument) doc = load_bytes_as ("many.html", page->str, page->len, EVL_FORMAT_AUTO);
  const char *t = text_of (doc);
  cr_assert (g_str_has_prefix (t, "Paragraph 0, with a comma.\n\nParagraph 1, with a comma."));
  cr_assert_not_null (strstr (t, "Paragraph 99999, with a comma."));
  cr_assert_null (strstr (t, "ad"));
}

Test (html, deeply_nested_json_ld_is_ignored, .timeout = 30 * EVL_TIMEOUT_SCALE)
{
  g_autoptr (GString) page = g_string_new ("<html><head><script type=\"application/ld+json\">");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (page, '[');
  g_string_append (page, "</script></head><body><article>" ARTICLE_P "</article></body></html>");
  g_autoptr (EvlDocument) doc = load_bytes_as ("ld.html", page->str, page->len, EVL_FORMAT_AUTO);
  cr_assert_not_null (strstr (text_of (doc), "approved the new budget"));
}

/* ---- sniffing ---- */

typedef struct {
  char name[32];
  char data[200];
  guint n_docs;
  char expect[48];   /* a substring of the first document's text */
} SniffCase;

static SniffCase sniff_cases[] = {
  /* content wins over a misleading extension */
  { "page.txt", "<!DOCTYPE html><html><body><p>Markup removed by content sniffing.</p></body></html>", 1,
    "Markup removed by content sniffing." },
  { "feed.txt", "{\"title\": \"A\", \"maintext\": \"One.\"}\n{\"title\": \"B\", \"maintext\": \"Two.\"}\n", 2,
    "A\n\nOne." },
  /* extension decides when the content does not */
  { "frag.html", "<p>A fragment: no doctype, html element comes later.</p>", 1, "A fragment: no doctype" },
  { "notes.txt", "<p> stays literal in a text file.", 1, "<p> stays literal" },
  { "feed.jsonl", "\n\n  {\"maintext\": \"Leading blank lines.\"}", 1, "Leading blank lines." },
};

ParameterizedTestParameters (html, format_sniffing)
{
  return cr_make_param_array (SniffCase, sniff_cases, G_N_ELEMENTS (sniff_cases));
}

ParameterizedTest (SniffCase *c, html, format_sniffing)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  g_autoptr (GError) error = NULL;
  cr_assert (evl_source_load_bytes (c->name, c->data, strlen (c->data), NULL, docs, &error), "%s: %s",
             c->name, error ? error->message : "");
  cr_assert_eq (docs->len, c->n_docs, "%s", c->name);
  cr_assert_not_null (strstr (text_of (docs->pdata[0]), c->expect), "%s: %s", c->name,
                      text_of (docs->pdata[0]));
}

Test (html, input_format_option_overrides_sniffing)
{
  const char *page = "<html><body><p>Tags kept verbatim.</p></body></html>";
  g_autoptr (EvlDocument) doc = load_bytes_as ("p.html", page, strlen (page), EVL_FORMAT_TEXT);
  cr_assert_not_null (strstr (text_of (doc), "<p>Tags kept verbatim.</p>"));
}

/* ---- dates from metadata ---- */

typedef struct {
  char in[48];
  char out[12];
} DateCase;

static DateCase date_cases[] = {
  { "2023-09-14 08:00:00", "2023-09-14" },
  { "2023-09-14T23:30:00-05:00", "2023-09-14" },
  { "2023/9/4", "2023-09-04" },
  { "20230914", "2023-09-14" },
  { "Thu, 14 Sep 2023 08:00:00 GMT", "2023-09-14" },
  { "September 14, 2023", "2023-09-14" },
  { "14 Sept. 2023", "2023-09-14" },
  { "14.09.2023", "2023-09-14" },
  { "4.9.2023 08:12", "2023-09-04" },
  { "31.02.2023", "" },
  { "14.09.23", "" },
  { "2023-02-30", "" },
  { "2023-13-01", "" },
  { "yesterday", "" },
  { "", "" },
};

ParameterizedTestParameters (html, metadata_dates)
{
  return cr_make_param_array (DateCase, date_cases, G_N_ELEMENTS (date_cases));
}

ParameterizedTest (DateCase *c, html, metadata_dates)
{
  g_autofree char *got = evl_source_normalize_date (c->in);
  cr_assert_str_eq (got ? got : "", c->out, "'%s'", c->in);
}
