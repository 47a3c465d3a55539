/* A one-line progress display on standard error, for long runs on a
 * terminal: documents done/total, MB, rate and ETA, or a plain counter
 * while the total is unknown.  Only when stderr is a terminal (never in
 * pipes, files, tests or CI) and not --quiet; never on stdout.  Redrawn at
 * most 10 times a second, cleared when done. */
#include "cli.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define REDRAW_US (G_USEC_PER_SEC / 10)

struct _EvlProgress {
  char *what;             /* "build" */
  char *phase;            /* "loading", "annotating" */
  guint64 done, total;    /* documents; total 0 = unknown */
  guint64 bytes, total_bytes;
  gint64 phase_start, last_draw;
  gboolean counting;      /* FALSE: a stage shown by its name only */
  gboolean shown;         /* a line is on the terminal */
};

static void draw (EvlProgress *p, gint64 now);

/* The one display whose line must be cleared before an error is printed. */
static EvlProgress *active;

/* Ctrl-C (or kill) while the line is drawn would leave it on the terminal
 * with the shell's prompt glued to its end: the handler clears it, then
 * the signal does what it would have done.  Only while a display exists,
 * and never for a signal that was ignored (nohup, background jobs). */
static volatile sig_atomic_t line_shown;
static const int clear_on[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction saved[G_N_ELEMENTS (clear_on)];

static void
on_signal (int sig)
{
  static const char clear[] = "\r\033[K";
  if (line_shown && write (STDERR_FILENO, clear, sizeof clear - 1) < 0)
    line_shown = 0;
  /* SA_RESETHAND has restored the default action: deliver it. */
  raise (sig);
}

static void
catch_signals (gboolean on)
{
  for (guint i = 0; i < G_N_ELEMENTS (clear_on); i++)
    {
      if (!on)
        {
          sigaction (clear_on[i], &saved[i], NULL);
          continue;
        }
      struct sigaction sa;
      memset (&sa, 0, sizeof sa);
      sa.sa_handler = on_signal;
      sa.sa_flags = SA_RESETHAND | SA_NODEFER;
      sigemptyset (&sa.sa_mask);
      if (sigaction (clear_on[i], NULL, &saved[i]) == 0 && saved[i].sa_handler != SIG_IGN)
        sigaction (clear_on[i], &sa, NULL);
    }
}

gboolean
evl_progress_wanted (gboolean quiet)
{
  if (quiet || !isatty (STDERR_FILENO))
    return FALSE;
  const char *term = g_getenv ("TERM");
  return term == NULL || strcmp (term, "dumb") != 0;
}

EvlProgress *
evl_progress_new (const char *what, gboolean quiet)
{
  if (!evl_progress_wanted (quiet))
    return NULL;
  EvlProgress *p = g_new0 (EvlProgress, 1);
  p->what = g_strdup (what);
  p->phase = g_strdup ("");
  if (active == NULL)
    catch_signals (TRUE);
  active = p;
  return p;
}

static void
clear_line (EvlProgress *p)
{
  if (p && p->shown)
    {
      fputs ("\r\033[K", stderr);
      fflush (stderr);
      p->shown = FALSE;
      line_shown = 0;
    }
}

void
evl_progress_suspend (void)
{
  clear_line (active);
}

void
evl_progress_free (EvlProgress *p)
{
  if (p == NULL)
    return;
  clear_line (p);
  if (active == p)
    {
      active = NULL;
      catch_signals (FALSE);
    }
  g_free (p->what);
  g_free (p->phase);
  g_free (p);
}

static void
start (EvlProgress *p, const char *phase, guint64 total, guint64 total_bytes, gboolean counting)
{
  if (p == NULL)
    return;
  g_free (p->phase);
  p->phase = g_strdup (phase);
  p->done = p->bytes = 0;
  p->total = total;
  p->total_bytes = total_bytes;
  p->counting = counting;
  p->phase_start = g_get_monotonic_time ();
  draw (p, p->phase_start);
}

void
evl_progress_phase (EvlProgress *p, const char *phase, guint64 total, guint64 total_bytes)
{
  start (p, phase, total, total_bytes, TRUE);
}

void
evl_progress_stage (EvlProgress *p, const char *stage)
{
  start (p, stage, 0, 0, FALSE);
}

static void
append_duration (GString *s, double seconds)
{
  guint64 t = (guint64) (seconds + 0.5);
  if (t >= 3600)
    g_string_append_printf (s, "%" G_GUINT64_FORMAT ":%02u:%02u", t / 3600, (guint) (t / 60 % 60),
                            (guint) (t % 60));
  else
    g_string_append_printf (s, "%u:%02u", (guint) (t / 60), (guint) (t % 60));
}

static guint
terminal_columns (void)
{
  struct winsize ws;
  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return 80;
}

static void
draw (EvlProgress *p, gint64 now)
{
  double secs = (double) (now - p->phase_start) / G_USEC_PER_SEC;
  double mb = (double) p->bytes / 1e6;
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "eventline %s: %s", p->what, p->phase);
  if (!p->counting)
    g_string_append (s, "...");
  else if (p->total)
    g_string_append_printf (s, " %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT " docs (%u%%)",
                            p->done, p->total, (guint) (100 * p->done / p->total));
  else
    g_string_append_printf (s, " %" G_GUINT64_FORMAT " doc%s", p->done, p->done == 1 ? "" : "s");
  if (p->counting && p->total_bytes)
    g_string_append_printf (s, " %.2f/%.2f MB", mb, (double) p->total_bytes / 1e6);
  else if (p->counting)
    g_string_append_printf (s, " %.2f MB", mb);
  if (p->counting && secs >= 0.5 && p->bytes)
    {
      double rate = mb / secs;
      g_string_append_printf (s, " %.2f MB/s", rate);
      if (p->total_bytes && p->bytes < p->total_bytes)
        {
          g_string_append (s, " ETA ");
          append_duration (s, (double) (p->total_bytes - p->bytes) / 1e6 / rate);
        }
    }
  /* One terminal line: a wrapped line could not be overwritten. */
  guint cols = terminal_columns ();
  if (s->len >= cols)
    g_string_truncate (s, cols - 1);
  fprintf (stderr, "\r%s\033[K", s->str);
  fflush (stderr);
  g_string_free (s, TRUE);
  p->shown = TRUE;
  line_shown = 1;
  p->last_draw = now;
}

void
evl_progress_add (EvlProgress *p, guint docs, guint64 bytes)
{
  if (p == NULL)
    return;
  p->done += docs;
  p->bytes += bytes;
  gint64 now = g_get_monotonic_time ();
  if (now - p->last_draw >= REDRAW_US
      || (p->total && p->done == p->total))
    draw (p, now);
}

void
evl_progress_add_document (EvlProgress *p, EvlDocument *doc)
{
  if (p == NULL)
    return;
  gsize len = 0;
  evl_document_get_text (doc, &len);
  evl_progress_add (p, 1, len);
}
