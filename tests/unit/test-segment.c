#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <eventline/eventline.h>
#include <string.h>

TestSuite (segment);

static EvlContext *ctx;

static void
setup (void)
{
  GError *error = NULL;
  ctx = evl_context_new (&error);
  cr_assert_not_null (ctx, "%s", error ? error->message : "");
}

static void
teardown (void)
{
  evl_context_unref (ctx);
}

static EvlDocument *
segment (const char *text)
{
  EvlDocument *doc = evl_document_new ("t", text, -1, NULL);
  cr_assert_not_null (doc);
  evl_segment_document (ctx, doc);
  return doc;
}

/* Joins the tokens of @doc with '|' into @buf. */
static const char *
tokens_joined (EvlDocument *doc, char *buf, gsize cap)
{
  guint n;
  const EvlToken *t = evl_document_get_tokens (doc, &n);
  gsize len;
  const char *text = evl_document_get_text (doc, &len);
  buf[0] = '\0';
  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_strlcat (buf, "|", cap);
      char tmp[128];
      g_snprintf (tmp, sizeof tmp, "%.*s", (int) (t[i].span.end - t[i].span.start),
                  text + t[i].span.start);
      g_strlcat (buf, tmp, cap);
    }
  return buf;
}

/* Token flags as letters, tokens joined with '|': W word, N number,
 * P punctuation, C capitalised, A all capitals, B abbreviation, Q quote
 * (sentence starts left out). */
static const char *
flags_joined (EvlDocument *doc, char *buf, gsize cap)
{
  static const struct { guint16 flag; char letter; } names[] = {
    { EVL_TOKEN_WORD, 'W' }, { EVL_TOKEN_NUMBER, 'N' }, { EVL_TOKEN_PUNCT, 'P' },
    { EVL_TOKEN_CAP, 'C' }, { EVL_TOKEN_ALLCAPS, 'A' }, { EVL_TOKEN_ABBREV, 'B' },
    { EVL_TOKEN_QUOTE, 'Q' },
  };
  guint n;
  const EvlToken *t = evl_document_get_tokens (doc, &n);
  gsize o = 0;
  for (guint i = 0; i < n && o + G_N_ELEMENTS (names) + 2 < cap; i++)
    {
      if (i)
        buf[o++] = '|';
      for (guint f = 0; f < G_N_ELEMENTS (names); f++)
        if (t[i].flags & names[f].flag)
          buf[o++] = names[f].letter;
    }
  buf[o] = '\0';
  return buf;
}

/* Tokens of a text and, when given, their flags (flags_joined()).  The
 * case of a word decides CAP and ALLCAPS (two letters or more, none lower
 * case, non-ASCII letters included); a leading digit makes a number. */
typedef struct {
  char text[160];
  char tokens[240];
  char flags[120];
} TokCase;

ParameterizedTestParameters (segment, tokens)
{
  static TokCase cases[] = {
    { "Mr. Kim didn't go.", "Mr.|Kim|did|n't|go|.", "" },
    { "Russia's war", "Russia|'s|war", "" },
    { "Russia\xe2\x80\x99s war", "Russia|\xe2\x80\x99s|war", "" },
    { "the U.S. embassy", "the|U.S.|embassy", "" },
    { "Kim Jong-un met", "Kim|Jong-un|met", "" },
    { "$1,000 in 1950-53 at 14:30", "$|1,000|in|1950-53|at|14:30", "" },
    { "it rose 3.5% on 9/11", "it|rose|3.5|%|on|9/11", "" },
    { "``It was,'' he said...", "``|It|was|,|''|he|said|...", "" },
    { "Gen. J. Smith", "Gen.|J.|Smith", "" },
    /* Word runs of every length around the eight-byte steps of the ASCII
     * letter/digit scan, ended by each kind of byte (punctuation, a byte
     * just outside the letter and digit ranges, a non-ASCII letter, the end
     * of the text). */
    { "abcdefg@", "abcdefg|@", "" },
    { "abcdefgh@", "abcdefgh|@", "" },
    { "abcdefghi@", "abcdefghi|@", "" },
    { "Abcdefghijklmnop[", "Abcdefghijklmnop|[", "" },
    { "ABCDEFGHIJKLMNOPQ`x", "ABCDEFGHIJKLMNOPQ|`|x", "" },
    { "zzzzzzzZ{ 0123456789:", "zzzzzzzZ|{|0123456789|:", "" },
    { "abcdefg/hij", "abcdefg|/|hij", "" },
    { "1234567/89", "1234567/89", "" },
    { "abcdefghij\xc3\xa9kl.", "abcdefghij\xc3\xa9kl|.", "" },
    { "abcdefgh\xe2\x80\x94z", "abcdefgh|\xe2\x80\x94|z", "" },
    { "Wxyz0189AZaz", "Wxyz0189AZaz", "" },
    { "abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz", "" },
    /* The same around the sixteen-byte steps (taken where sixteen bytes
     * remain, hence the padding), ended by each kind of byte. */
    { "Abcdefghijklmno@ pad pad pad pad", "Abcdefghijklmno|@|pad|pad|pad|pad", "" },
    { "abcdefghijklmnop[ pad pad pad pad", "abcdefghijklmnop|[|pad|pad|pad|pad", "" },
    { "abcdefghijklmnopq` pad pad pad pad", "abcdefghijklmnopq|`|pad|pad|pad|pad", "" },
    { "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789{ pad pad pad pad", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789|{|pad|pad|pad|pad", "" },
    { "wxyz/ pad pad pad pad pad pad", "wxyz|/|pad|pad|pad|pad|pad|pad", "" },
    { "0123456789:0123456789abcdef/ pad pad pad", "0123456789:0123456789abcdef|/|pad|pad|pad", "" },
    { "abcdefghijklmnopqrst\xc3\xa9uvw pad pad pad pad", "abcdefghijklmnopqrst\xc3\xa9uvw|pad|pad|pad|pad", "" },
    { "abcdefghijklmnopqrstu\x7fpad pad pad pad pad", "abcdefghijklmnopqrstu|\x7f|pad|pad|pad|pad|pad", "" },
    /* Flags. */
    { "NATO and Kim", "NATO|and|Kim", "WCA|W|WC" },
    { "A U.S. F-16", "A|U.S.|F-16", "WC|WCAB|WC" },
    { "McDONALD 3M x1", "McDONALD|3M|x1", "WC|N|W" },
    { "K\xc3\x96LN K\xc3\xb6ln \xc3\x89TAT \xc3\xa9t\xc3\xa9", "K\xc3\x96LN|K\xc3\xb6ln|\xc3\x89TAT|\xc3\xa9t\xc3\xa9", "WCA|WC|WCA|W" },
    { "AB-cd AB-CD 1950s", "AB-cd|AB-CD|1950s", "WC|WCA|N" },
    { "Gen. \"Hi,\" he said.", "Gen.|\"|Hi|,|\"|he|said|.", "WCB|PQ|WC|P|PQ|W|W|P" },
    /* A connector after a word, before a byte that is no word character,
     * a non-ASCII letter, a digit, or the end of the text. */
    { "Moscow, Kim said.", "Moscow|,|Kim|said|.", "" },
    { "end- a/ AT& 1,) x.) 12:", "end|-|a|/|AT|&|1|,|)|x|.|)|12|:", "" },
    { "abc-\xc3\xa9t\xc3\xa9 abc.\xc3\xa9 1,5 a-1 a/b A&B", "abc-\xc3\xa9t\xc3\xa9|abc.\xc3\xa9|1,5|a-1|a|/|b|A&B", "" },
    { "word-", "word|-", "" },
    /* Abbreviations from the lexicon keep their period in any case;
     * words of the same length, first or next-to-last letter do not. */
    { "GOV. Mr. mrs. sgt. Sen. Jr.", "GOV.|Mr.|mrs.|sgt.|Sen.|Jr.", "WCAB|WCB|WB|WB|WCB|WCB" },
    { "Gob. Mx. mrz. sat. Sun. Ja.", "Gob|.|Mx|.|mrz|.|sat|.|Sun|.|Ja|.", "WC|P|WC|P|W|P|W|P|WC|P|WC|P" },
  };
  return cr_make_param_array (TokCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (TokCase *c, segment, tokens, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) doc = segment (c->text);
  char buf[512];
  cr_assert_str_eq (tokens_joined (doc, buf, sizeof buf), c->tokens);
  if (c->flags[0])
    cr_assert_str_eq (flags_joined (doc, buf, sizeof buf), c->flags, "'%s'", c->text);
}

typedef struct {
  char text[200];
  guint n_sentences;
} SentCase;

ParameterizedTestParameters (segment, sentences)
{
  static SentCase cases[] = {
    { "Mr. Putin met Kim. They talked.", 2 },
    { "He flew to the U.S. officials were there.", 1 },
    { "He criticised the U.S. Amid the talks, Kim smiled.", 2 },
    { "Gen. Smith spoke at 5 p.m. on Friday.", 1 },
    { "\xe2\x80\x9cWe are here.\xe2\x80\x9d Putin said so.", 2 },
    { "Headline Without Stop\n\nBody text here. More text.", 3 },
    { "Is it true? Yes! It is.", 3 },
    { "The rate was 3.5 percent.", 1 },
    /* A state after 'Place,' closes the place: a capital after it starts
     * a sentence, a lower-case word or a title continues it. */
    { "Fire crews reached a barn near Ithaca, N.Y. Okafor watched it burn.", 2 },
    { "The march ended in Charleston, S.C. Protesters then went home.", 2 },
    { "The march ended in Washington, D.C. police said.", 1 },
    { "Reporters met in Washington, D.C. Mayor Ruiz spoke first.", 1 },
    { "The clinic in Albany, N.Y. Friday night was quiet.", 1 },
    { "Exports from N.Y. Harbor grew.", 1 },
    { "She owns a farm in Pike County, W.Va. Trucks line up daily.", 2 },
    /* ... so does a state written without inner periods (AP style),
     * capitalised only: the same words lower-case end sentences. */
    { "A storm hit Mobile, Ala. Friday and killed two people.", 1 },
    { "Officials in Sacramento, Calif. on Monday approved the plan.", 1 },
    { "A spokesman in Pittsburgh, Pa., said the plant would close.", 1 },
    { "Pay rose in Lansing, Mich. Nov. 3 after the vote.", 1 },
    { "The clinic in Albany, N.Y. Nov. 3 was quiet.", 1 },
    { "He lives in Erie, Pa. Police said he fled.", 2 },
    { "The storm hit Tampa, Fla. The damage was heavy.", 2 },
    { "He fell ill. Doctors came.", 2 },
    { "The cars went to the wash. Police said nothing.", 2 },
    /* A numero sign before a number ends nothing; 'no.' elsewhere does. */
    { "The No. 2 official resigned.", 1 },
    { "He was ranked no. 3 in the poll.", 1 },
    { "Asked whether he would quit, he said no. Officials confirmed it.", 2 },
  };
  return cr_make_param_array (SentCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (SentCase *c, segment, sentences, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) doc = segment (c->text);
  guint n;
  evl_document_get_sentences (doc, &n);
  cr_assert_eq (n, c->n_sentences, "'%s': %u sentences, expected %u", c->text, n, c->n_sentences);
}

typedef struct {
  char text[120];
  guint sentence;
  char starts_with[24];
} StartCase;

/* Where a sentence begins: a straight quote set off from the full stop
 * before it opens the next sentence instead of closing this one. */
ParameterizedTestParameters (segment, sentence_starts)
{
  static StartCase cases[] = {
    { "Then the storm hit. \"Why now?\" she asked.", 1, "\"Why now?\" she" },
    { "He said \"go.\" Then he left.", 1, "Then" },
    { "She wept. \"Come back,\" she said. \"Please.\"", 2, "\"Please.\"" },
    { "\xe2\x80\x9cWe won.\xe2\x80\x9d Then they left.", 1, "Then" },
  };
  return cr_make_param_array (StartCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (StartCase *c, segment, sentence_starts, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) doc = segment (c->text);
  guint n;
  const EvlSentence *se = evl_document_get_sentences (doc, &n);
  cr_assert_gt (n, c->sentence, "'%s': %u sentences", c->text, n);
  const char *text = evl_document_get_text (doc, NULL);
  const char *at = text + se[c->sentence].span.start;
  cr_assert (g_str_has_prefix (at, c->starts_with), "'%s': sentence %u begins '%s', expected '%s'",
             c->text, c->sentence, at, c->starts_with);
}

Test (segment, offsets_index_the_text, .init = setup, .fini = teardown)
{
  const char *text = "Kim arrived \xe2\x80\x94 by train.\n\nPutin waited.";
  g_autoptr (EvlDocument) doc = segment (text);
  guint n;
  const EvlToken *t = evl_document_get_tokens (doc, &n);
  for (guint i = 0; i < n; i++)
    {
      cr_assert_leq (t[i].span.end, strlen (text));
      cr_assert_lt (t[i].span.start, t[i].span.end);
      cr_assert (g_utf8_validate (text + t[i].span.start, t[i].span.end - t[i].span.start, NULL));
    }
  guint ns;
  const EvlSentence *s = evl_document_get_sentences (doc, &ns);
  cr_assert_eq (ns, 2);
  cr_assert_eq (s[1].paragraph, 1);
  cr_assert (t[s[1].first_token].flags & EVL_TOKEN_SENT_START);
}

Test (segment, page_furniture_is_marked, .init = setup, .fini = teardown)
{
  const char *text =
    "Leaders Meet at Spaceport\n\n"
    "The two leaders met on Wednesday at the spaceport. They discussed many things. "
    "The talks lasted an hour and covered trade, security and space cooperation.\n\n"
    "Officials said more meetings would follow in the coming months.\n\n"
    "Shocking Twist Threatens To Upend The Entire Race!\n\n"
    "The post Leaders Meet at Spaceport first appeared on Some Site.\n\n"
    "Leave a Reply\n\n"
    "Your email address will not be published.";
  g_autoptr (EvlDocument) doc = segment (text);
  guint n;
  const EvlSentence *s = evl_document_get_sentences (doc, &n);
  cr_assert_geq (n, 7);
  cr_assert (s[0].is_heading);
  cr_assert_not (s[0].is_furniture);
  cr_assert_not (s[1].is_furniture);
  cr_assert_not (s[4].is_furniture, "the last body sentence is not furniture");
  guint furniture = 0;
  for (guint i = 0; i < n; i++)
    furniture += s[i].is_furniture;
  cr_assert_eq (furniture, n - 5, "teaser, 'first appeared', and comment form: %u of %u", furniture, n);
}

Test (segment, presegmented_documents_are_left_alone, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) doc = evl_document_new ("t", "a b", -1, NULL);
  EvlSentence s = { { 0, 3 }, 0, 2, 0, 0, 0 };
  evl_document_add_sentence (doc, &s);
  evl_segment_document (ctx, doc);
  guint n;
  evl_document_get_tokens (doc, &n);
  cr_assert_eq (n, 0);
}

/* Runaway input (no full stop, no newline): sentences never exceed
 * EVL_SEGMENT_MAX_SENTENCE_TOKENS (cut between lower-case words in the
 * last 32 tokens before the cap, else at the cap) and paragraphs end at
 * the first sentence end past EVL_SEGMENT_MAX_PARAGRAPH_TOKENS, so later
 * stages never see an unbounded sentence or paragraph. */
typedef struct {
  char unit[40];        /* repeated @repeat times, space separated */
  guint repeat;
  guint n_sentences;
  guint n_paragraphs;
  char never_first[16]; /* no sentence may start with this token ("" any) */
} CapCase;

ParameterizedTestParameters (segment, runaway_caps)
{
  static CapCase cases[] = {
    { "Word", 256, 1, 1, "" },             /* no soft cut: exactly the cap */
    { "Word", 257, 2, 1, "" },             /* one past: cut at the cap */
    { "Word", 1000, 4, 1, "" },            /* 256+256+256+232 */
    { "Word", 5000, 20, 2, "" },           /* 16 x 256 tokens fill a paragraph */
    { "word", 1000, 5, 1, "" },            /* soft cuts at 224: 4 x 224 + 104 */
    { "word", 224, 1, 1, "" },             /* the soft window's first token ends the text */
    { "word", 225, 2, 1, "" },             /* a soft cut right at the window: 224 + 1 */
    { "word", 448, 2, 1, "" },             /* two full windows */
    { "word", 449, 3, 1, "" },
    { "Kim Jong Un met the leader", 200, 6, 1, "Un" },  /* cut before 'the' */
    { "Kim met Putin.", 5000, 5000, 5, "" },  /* 4-token sentences, 1024 a paragraph */
  };
  return cr_make_param_array (CapCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (CapCase *c, segment, runaway_caps, .init = setup, .fini = teardown)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < c->repeat; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "", c->unit);
  g_autoptr (EvlDocument) doc = segment (text->str);
  g_string_free (text, TRUE);
  guint ns, nt;
  const EvlSentence *s = evl_document_get_sentences (doc, &ns);
  const EvlToken *t = evl_document_get_tokens (doc, &nt);
  const char *body = evl_document_get_text (doc, NULL);
  cr_assert_eq (ns, c->n_sentences, "'%s' x %u: %u sentences", c->unit, c->repeat, ns);
  guint max_par = 0, par_tokens = 0;
  gsize nf = strlen (c->never_first);
  for (guint i = 0; i < ns; i++)
    {
      cr_assert_leq (s[i].n_tokens, EVL_SEGMENT_MAX_SENTENCE_TOKENS);
      const EvlToken *first = &t[s[i].first_token];
      cr_assert (nf == 0 || first->span.end - first->span.start != nf
                 || memcmp (body + first->span.start, c->never_first, nf) != 0,
                 "sentence %u starts with '%s'", i, c->never_first);
      if (i > 0 && s[i].paragraph != s[i - 1].paragraph)
        par_tokens = 0;
      par_tokens += s[i].n_tokens;
      cr_assert_lt (par_tokens, EVL_SEGMENT_MAX_PARAGRAPH_TOKENS + EVL_SEGMENT_MAX_SENTENCE_TOKENS);
      max_par = s[i].paragraph;
    }
  cr_assert_eq (max_par + 1, c->n_paragraphs, "'%s' x %u: %u paragraphs", c->unit, c->repeat,
                max_par + 1);
}

/* Furniture cues are word n-grams of data/lexicons/en/furniture.txt,
 * matched case-insensitively on the folded text (blank runs are one
 * space); a token that starts no cue, or an n-gram that begins none, is
 * passed over. */
typedef struct {
  char text[80];
  gboolean furniture;
} CueCase;

ParameterizedTestParameters (segment, furniture_cues)
{
  static CueCase cases[] = {
    { "Sign up for our newsletter today.", TRUE },
    { "CLICK HERE to read it.", TRUE },
    { "Click the red button.", FALSE },
    { "Most read.", TRUE },
    { "Most people read it.", FALSE },
    { "Don't miss the show.", TRUE },
    { "Do not miss the show.", FALSE },
    { "Leave a   comment below.", TRUE },
    { "Leave a message below.", FALSE },
    { "Posted in Asia by the desk.", TRUE },
    { "The terms of the use are vague.", FALSE },
    { "He agreed to the terms of use.", TRUE },
    { "Home / World news.", TRUE },
    { "Homeless people / World news.", FALSE },
    /* Cue-start filters by token length: one byte, two bytes (exact
     * bitmap), three or more (first three bytes and length), and a token
     * longer or shorter than every form with the same first bytes. */
    { "A newsletter.", TRUE },
    { "Is a freelance writer.", TRUE },
    { "Editor-in-chief at the paper.", TRUE },
    { "Copyright \xc2\xa9 2023 the paper.", TRUE },
    { "Advertisements ran all day.", FALSE },
    { "Advert ran all day.", FALSE },
    { "Sharecroppers share this.", TRUE },
    { "Sharecroppers shared this.", FALSE },
    /* Mixed case in the first three bytes: every case variant is in the
     * raw-byte filters. */
    { "sHAre THIS now.", TRUE },
    { "cOpYRIGHT \xc2\xa9 2023 the paper.", TRUE },
    /* One-byte tokens before a cue, after blanks or other spaces. */
    { "I\tshare this.", TRUE },
    { "A\xc2\xa0newsletter.", TRUE },
    { "I\fsaid a word.", FALSE },
  };
  return cr_make_param_array (CueCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (CueCase *c, segment, furniture_cues, .init = setup, .fini = teardown)
{
  /* Twice: the second document reuses the context's prefix table. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (EvlDocument) doc = segment (c->text);
      guint n;
      const EvlSentence *s = evl_document_get_sentences (doc, &n);
      cr_assert_geq (n, 1);
      cr_assert_eq (s[0].is_furniture, c->furniture, "'%s': furniture %d, expected %d", c->text,
                    s[0].is_furniture, c->furniture);
    }
}

/* Sentences and paragraphs from the newlines between tokens: a blank
 * line (two or more newlines, with blanks between them or not) starts a
 * paragraph; one newline ends a sentence in text that is not hard-wrapped;
 * newlines after a closing quote or an abbreviation count the same. */
typedef struct {
  char text[120];
  guint n_sentences;
  guint n_paragraphs;
} BreakCase;

ParameterizedTestParameters (segment, line_breaks)
{
  static BreakCase cases[] = {
    { "One two.\n\nThree four.", 2, 2 },
    { "One two.\n \t\n\nThree four.", 2, 2 },
    { "One two\nthree four.", 2, 2 },
    { "One two.\r\n\r\nThree four.", 2, 2 },
    { "He said \"go.\"\n\nThen he left.", 2, 2 },
    { "He lives in the U.S.\n\nThen he left.", 2, 2 },
    { "One two. Three four.", 2, 1 },
    { "One\xc2\xa0two.\xe2\x80\x83Three four.", 2, 1 },
  };
  return cr_make_param_array (BreakCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (BreakCase *c, segment, line_breaks, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) doc = segment (c->text);
  guint n;
  const EvlSentence *s = evl_document_get_sentences (doc, &n);
  cr_assert_eq (n, c->n_sentences, "'%s': %u sentences, expected %u", c->text, n, c->n_sentences);
  cr_assert_eq (s[n - 1].paragraph + 1, c->n_paragraphs, "'%s': %u paragraphs, expected %u", c->text,
                s[n - 1].paragraph + 1, c->n_paragraphs);
}

/* Hard-wrapped text (most lines 55 to 90 bytes, mostly followed by
 * another line of the paragraph): a single newline is a wrap, not a
 * sentence end; text with shorter lines, or with lines that stand alone,
 * breaks at every newline.  @line is repeated @n_lines times, each time
 * ended by @sep (the last one too when @trailing). */
typedef struct {
  char line[100];
  guint n_lines;
  char sep[4];
  gboolean trailing;
  guint n_sentences;
} WrapCase;

ParameterizedTestParameters (segment, hard_wrapped_lines)
{
  static WrapCase cases[] = {
    /* 66-byte lines, no full stop: one sentence across the wraps. */
    { "the talks went on late into the night and the leaders said little", 6, "\n", FALSE, 1 },
    { "the talks went on late into the night and the leaders said little", 6, "\n", TRUE, 1 },
    /* Fewer than four lines: never wrapped. */
    { "the talks went on late into the night and the leaders said little", 3, "\n", FALSE, 3 },
    /* Short lines: each newline ends a sentence. */
    { "the talks went on late", 6, "\n", FALSE, 6 },
    /* Lines of 55 and 90 bytes are long; 91 is not. */
    { "the talks went on late into the night and the leaders s", 5, "\n", FALSE, 1 },
    { "the talks went on late into the night and the leaders said little to the press at all ther", 5, "\n",
      FALSE, 1 },
    { "the talks went on late into the night and the leaders said little to the press at all there", 5, "\n",
      FALSE, 5 },
    /* Long lines each followed by a blank line: no inner breaks. */
    { "the talks went on late into the night and the leaders said little", 6, "\n\n", FALSE, 6 },
    /* CR LF lines wrap like LF ones (the CR is the line's last byte). */
    { "the talks went on late into the night and the leaders said little", 6, "\r\n", FALSE, 1 },
  };
  return cr_make_param_array (WrapCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (WrapCase *c, segment, hard_wrapped_lines, .init = setup, .fini = teardown)
{
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < c->n_lines; i++)
    {
      g_string_append (text, c->line);
      if (i + 1 < c->n_lines || c->trailing)
        g_string_append (text, c->sep);
    }
  g_autoptr (EvlDocument) doc = segment (text->str);
  guint n;
  evl_document_get_sentences (doc, &n);
  cr_assert_eq (n, c->n_sentences, "%u lines of %zu bytes, sep %02x: %u sentences, expected %u", c->n_lines,
                strlen (c->line), (guint) (guchar) c->sep[0], n, c->n_sentences);
}

/* An abbreviation ending a line of hard-wrapped text: the wrap is a
 * space, so the sentence goes on into a weekday, a month, a time zone,
 * a name or a lower-case word on the next line, and ends before a word
 * that starts sentences or at a blank line, as on one line.  The text is
 * two 66-byte lines, @end, @next and one more 66-byte line, none with a
 * full stop but @end's abbreviation. */
typedef struct {
  char end[100];
  char sep[4];
  char next[100];
  guint n_sentences;
} WrapAbbrevCase;

ParameterizedTestParameters (segment, abbreviations_at_a_wrap)
{
  static WrapAbbrevCase cases[] = {
    { "and the leaders said the ceasefire would begin at 6 a.m.", "\n", "Tuesday local time in all the provinces of the north and the east", 1 },
    { "and the leaders said the vote would be closed at about 4 p.m.", "\n", "EST on the last day of the month in all of the states of the union", 1 },
    { "and the leaders said the talks would resume at 10 a.m.", "\n", "Jan. 5 in the capital with the envoys of all the countries present", 1 },
    { "and the leaders said the ships had been sent to guard the U.S.", "\n", "embassy in the capital and the port where the fleet lay at anchor", 1 },
    { "and the leaders said the talks would resume at 10 a.m.", "\n", "Kowalski and the other envoys would join them later on in the day", 1 },
    { "and the leaders said the talks would resume at 10 a.m.", "\n", "The envoys of all the countries present said little to the press", 2 },
    { "and the leaders said the talks would resume at 10 a.m.", "\n\n", "Tuesday local time in all the provinces of the north and the east", 2 },
  };
  return cr_make_param_array (WrapAbbrevCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (WrapAbbrevCase *c, segment, abbreviations_at_a_wrap, .init = setup, .fini = teardown)
{
  static const char line[] = "the talks went on late into the night and the leaders said little";
  g_autofree char *text = g_strconcat (line, "\n", line, "\n", c->end, c->sep, c->next, "\n", line, NULL);
  g_autoptr (EvlDocument) doc = segment (text);
  guint n;
  evl_document_get_sentences (doc, &n);
  cr_assert_eq (n, c->n_sentences, "'%s' + '%s': %u sentences, expected %u", c->end, c->next, n, c->n_sentences);
}

/* Text denser in tokens than the first guess of the token array (a
 * token per five bytes): "a," a thousand times, a token a byte, every
 * span and flag in place after the array grows. */
Test (segment, dense_tokens_grow_the_array, .init = setup, .fini = teardown)
{
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "a,");
  g_autoptr (EvlDocument) doc = segment (text->str);
  guint n;
  const EvlToken *t = evl_document_get_tokens (doc, &n);
  cr_assert_eq (n, 2000u);
  for (guint i = 0; i < n; i++)
    {
      cr_assert_eq (t[i].span.start, i);
      cr_assert_eq (t[i].span.end, i + 1);
      cr_assert_eq (t[i].flags & (EVL_TOKEN_WORD | EVL_TOKEN_PUNCT), i % 2 ? EVL_TOKEN_PUNCT : EVL_TOKEN_WORD,
                    "token %u flags %x", i, t[i].flags);
    }
}

/* Every ASCII byte that is neither a letter, a digit nor a blank, alone
 * between two words, is a one-byte punctuation token (a quote mark when
 * it is '"' or '`'); the same byte twice is one token when it runs
 * (. - ` ' ! ?) and two otherwise. */
Test (segment, ascii_punctuation_bytes, .init = setup, .fini = teardown)
{
  for (guint b = 1; b < 0x80; b++)
    {
      if (g_ascii_isalnum ((char) b) || b == ' ' || (b >= '\t' && b <= '\r'))
        continue;
      for (guint twice = 0; twice < 2; twice++)
        {
          char text[8] = { 'a', ' ', (char) b, (char) (twice ? b : ' '), ' ', 'a', 0 };
          g_autoptr (EvlDocument) doc = segment (text);
          guint n;
          const EvlToken *t = evl_document_get_tokens (doc, &n);
          gboolean runs = strchr (".-`'!?", (char) b) != NULL;
          guint want = twice && !runs ? 4 : 3;
          cr_assert_eq (n, want, "byte %02x%s: %u tokens", b, twice ? " twice" : "", n);
          guint16 flags = EVL_TOKEN_PUNCT | (b == '"' || b == '`' ? EVL_TOKEN_QUOTE : 0);
          if (twice && b == '\'')
            flags |= EVL_TOKEN_QUOTE;   /* '' is a closing quote */
          cr_assert_eq (t[1].flags, flags, "byte %02x%s: flags %x", b, twice ? " twice" : "", t[1].flags);
          cr_assert_eq (t[1].span.start, 2u);
          cr_assert_eq (t[1].span.end, twice && runs ? 4u : 3u, "byte %02x%s", b, twice ? " twice" : "");
        }
    }
}

/* Tokens are written in place of the document's array, first in its
 * shared first block: texts with more tokens than that first part holds
 * (one-letter words, a token per two or three bytes) move the tokens
 * already written to an array of their own, for small texts (inside the
 * first block) and large ones (an array of their own from the start);
 * every token keeps its span, in order, and the sentences cover them. */
typedef struct {
  guint n_words;
  char sep[4];          /* between words: a token of its own unless blank */
} DenseCase;

ParameterizedTestParameters (segment, dense_tokens_grow_in_place)
{
  static DenseCase cases[] = {
    { 1, " " }, { 10, " " }, { 200, " " }, { 200, ";" }, { 3000, " " }, { 3000, "; " },
    { 40000, " " }, { 40000, ";" },
  };
  return cr_make_param_array (DenseCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (DenseCase *c, segment, dense_tokens_grow_in_place, .init = setup, .fini = teardown)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < c->n_words; i++)
    {
      if (i)
        g_string_append (text, c->sep);
      g_string_append_c (text, (char) ('a' + i % 26));
    }
  g_autoptr (EvlDocument) doc = segment (text->str);
  gboolean sep_token = c->sep[0] != ' ';
  guint n;
  const EvlToken *t = evl_document_get_tokens (doc, &n);
  cr_assert_eq (n, sep_token ? 2 * c->n_words - 1 : c->n_words, "%u tokens", n);
  gsize at = 0, step = strlen (c->sep);
  for (guint i = 0, w = 0; i < n; i++)
    {
      gboolean is_sep = sep_token && i % 2 == 1;
      cr_assert_eq (t[i].span.start, at, "token %u starts at %u, not %zu", i, t[i].span.start, at);
      cr_assert_eq (EVL_SPAN_LEN (t[i].span), 1u, "token %u", i);
      if (!is_sep)
        {
          cr_assert_eq (text->str[at], (char) ('a' + w % 26));
          w++;
          at += sep_token ? 1 : 1 + step;
        }
      else
        at += step;
    }
  guint n_s;
  const EvlSentence *s = evl_document_get_sentences (doc, &n_s);
  cr_assert_gt (n_s, 0u);
  cr_assert_eq (s[0].first_token, 0u);
  cr_assert_eq (s[n_s - 1].first_token + s[n_s - 1].n_tokens, n);
  g_string_free (text, TRUE);
}

/* A word that runs to the text's very end, of every length up to three
 * sixteen-byte blocks and after a prefix of 0 to 2 bytes, is one token
 * ending at the text's length: the word scan reads past the text in
 * sixteen-byte steps and must stop at its end. */
Test (segment, word_runs_to_the_text_end, .init = setup, .fini = teardown)
{
  static const char *prefix[] = { "", "x ", "\xc3\xa9 " };
  for (guint p = 0; p < G_N_ELEMENTS (prefix); p++)
    for (guint len = 1; len <= 48; len++)
      {
        GString *text = g_string_new (prefix[p]);
        gsize start = text->len;
        for (guint i = 0; i < len; i++)
          g_string_append_c (text, i == 0 ? 'K' : (char) ("a7Zq"[i % 4]));
        g_autoptr (EvlDocument) doc = segment (text->str);
        guint n;
        const EvlToken *t = evl_document_get_tokens (doc, &n);
        cr_assert_gt (n, 0u);
        cr_assert_eq (t[n - 1].span.start, start, "prefix %u, length %u", p, len);
        cr_assert_eq (t[n - 1].span.end, text->len, "prefix %u, length %u: ends at %u", p, len,
                      t[n - 1].span.end);
        cr_assert (t[n - 1].flags & EVL_TOKEN_CAP, "prefix %u, length %u", p, len);
        guint n_s;
        const EvlSentence *s = evl_document_get_sentences (doc, &n_s);
        cr_assert_eq (t[n - 1].sentence, n_s - 1);
        cr_assert_eq (s[n_s - 1].first_token + s[n_s - 1].n_tokens, n);
        g_string_free (text, TRUE);
      }
}

/* Words of every length around the word scan's sixty-four-byte window,
 * starting at every offset in it (after a run of short words that opened
 * it), ending before a blank, a connector or the text's end: each is one
 * token with its own span. */
Test (segment, words_across_the_scan_window, .init = setup, .fini = teardown)
{
  for (guint shift = 0; shift < 70; shift++)
    for (guint len = 1; len <= 140; len += len < 20 || (len > 58 && len < 70) || len > 125 ? 1 : 7)
      for (guint tail = 0; tail < 3; tail++)
        {
          GString *text = g_string_new ("Go ");
          for (guint i = 0; i < shift; i++)
            g_string_append_c (text, i % 2 ? ' ' : 'q');
          if (shift % 2)
            g_string_append_c (text, ' ');
          gsize start = text->len;
          for (guint i = 0; i < len; i++)
            g_string_append_c (text, "k7Zq"[i % 4]);
          gsize end = text->len;
          g_string_append (text, tail == 0 ? " z" : tail == 1 ? ", z" : "");
          g_autoptr (EvlDocument) doc = segment (text->str);
          guint n;
          const EvlToken *t = evl_document_get_tokens (doc, &n);
          guint k = n;
          for (guint i = 0; i < n; i++)
            if (t[i].span.start == start)
              k = i;
          cr_assert_lt (k, n, "shift %u, length %u, tail %u: no token at %zu", shift, len, tail, start);
          cr_assert_eq (t[k].span.end, end, "shift %u, length %u, tail %u: ends at %u, not %zu", shift, len,
                        tail, t[k].span.end, end);
          g_string_free (text, TRUE);
        }
}

/* A blank line ends a sentence wherever the token after it falls in the
 * token array, also when the array grows right before that token (the
 * newlines before a token are counted in its record before it is
 * written). */
Test (segment, blank_line_breaks_when_the_array_grows, .init = setup, .fini = teardown)
{
  for (guint n_words = 1; n_words < 400; n_words++)
    {
      GString *text = g_string_new (NULL);
      for (guint i = 0; i < n_words; i++)
        g_string_append (text, "x ");
      g_string_append (text, "\n\nYes no");
      g_autoptr (EvlDocument) doc = segment (text->str);
      guint n, n_s;
      evl_document_get_tokens (doc, &n);
      const EvlSentence *s = evl_document_get_sentences (doc, &n_s);
      cr_assert_eq (n, n_words + 2);
      cr_assert_eq (s[n_s - 1].first_token, n_words, "%u words: the last sentence starts at token %u",
                    n_words, s[n_s - 1].first_token);
      g_string_free (text, TRUE);
    }
}

/* Cue phrases found case-insensitively whatever their length in tokens:
 * a one-word form, a form that also begins longer forms ("share this",
 * "share this article"), and n-grams that only begin forms, which are
 * none. */
Test (segment, furniture_forms_and_their_prefixes, .init = setup, .fini = teardown)
{
  static const struct {
    const char *sentence;
    gboolean furniture;
  } cases[] = {
    { "Leaders met on Wednesday at the spaceport.", FALSE },
    { "Advertisement", TRUE },
    { "Share this", TRUE },
    { "Share these plans with everyone.", FALSE },
    { "SHARE ON FACEBOOK", TRUE },
    { "They share this view of the talks.", TRUE },
    { "Leave a note for the advert team.", FALSE },
    { "A newsletter went out on Monday.", TRUE },
    { "The talks lasted an hour and covered trade.", FALSE },
    { "Officials said more meetings would follow.", FALSE },
    { "The leaders agreed to meet again in the spring.", FALSE },
    { "Their aides will draft a statement on trade.", FALSE },
    { "Security was tight around the spaceport all day.", FALSE },
    { "Reporters waited outside for several hours.", FALSE },
    { "The next round of talks is set for June.", FALSE },
    { "Both sides called the meeting a success.", FALSE },
  };
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (text, "%s%s", i ? "\n\n" : "", cases[i].sentence);
  g_autoptr (EvlDocument) doc = segment (text->str);
  guint n;
  const EvlSentence *s = evl_document_get_sentences (doc, &n);
  cr_assert_eq (n, G_N_ELEMENTS (cases));
  for (guint i = 0; i < n; i++)
    cr_assert_eq (!!s[i].is_furniture, cases[i].furniture, "\"%s\": furniture %d", cases[i].sentence,
                  s[i].is_furniture);
}

/* A list item is body text, with or without its full stop: only the
 * line above it is a heading. */
Test (segment, list_items_are_no_headings, .init = setup, .fini = teardown)
{
  g_autoptr (EvlDocument) doc = segment ("Key points\n\n- Inflation fell to 2.8% in February\n"
                                         "\xe2\x80\xa2 Unemployment rose to 4.1%\n"
                                         "* Exports grew again\n\nThe bank held rates.");
  guint n;
  const EvlSentence *se = evl_document_get_sentences (doc, &n);
  cr_assert_eq (n, 5);
  cr_assert (se[0].is_heading, "'Key points' heads the list");
  for (guint i = 1; i < 4; i++)
    cr_assert_not (se[i].is_heading, "list item %u taken for a heading", i);
}
