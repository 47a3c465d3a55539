/* The one place that talks to Graphviz: graph construction wrappers,
 * layout and rendering into memory.  GVC_t and the layout plugins keep
 * global state, so rendering is serialised with a mutex and one context
 * lives as long as the process. */
#include "render-private.h"

#include <stdarg.h>
#include <string.h>

static GMutex gv_lock;

/* The library never prints: Graphviz's diagnostics are dropped (layout
 * failures still surface as errors from gvLayout/gvRenderData). */
static int
quiet_errf (char *msg)
{
  (void) msg;
  return 0;
}

Agraph_t *
evl_gv_open (const char *name)
{
  return agopen ((char *) name, Agdirected, NULL);
}

Agnode_t *
evl_gv_node (Agraph_t *g, const char *name)
{
  return agnode (g, (char *) name, 1);
}

Agedge_t *
evl_gv_edge (Agraph_t *g, Agnode_t *a, Agnode_t *b, const char *name)
{
  return agedge (g, a, b, (char *) name, 1);
}

void
evl_gv_set (void *obj, const char *attr, const char *value)
{
  agsafeset (obj, (char *) attr, (char *) value, (char *) "");
}

void
evl_gv_set_html (void *obj, const char *attr, const char *html)
{
  Agraph_t *root = agroot (obj);
  char *s = agstrdup_html (root, (char *) html);
  agsafeset (obj, (char *) attr, s, (char *) "");
  agstrfree (root, s);
}

void
evl_gv_setf (void *obj, const char *attr, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *v = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  evl_gv_set (obj, attr, v);
}

char *
evl_gv_wrap (const char *text, guint width, guint max_lines)
{
  GString *out = g_string_new (NULL);
  if (text == NULL)
    return g_string_free (out, FALSE);
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n", -1);
  GString *line = g_string_new (NULL);
  guint lines = 1;
  gboolean cut = FALSE;
  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      glong wl = g_utf8_strlen (words[i], -1);
      glong ll = g_utf8_strlen (line->str, -1);
      if (ll > 0 && ll + 1 + wl > (glong) width)
        {
          if (lines == max_lines)
            {
              cut = TRUE;
              break;
            }
          g_autofree char *esc = g_markup_escape_text (line->str, -1);
          g_string_append (out, esc);
          g_string_append (out, "<BR/>");
          g_string_truncate (line, 0);
          lines++;
        }
      if (line->len)
        g_string_append_c (line, ' ');
      g_string_append (line, words[i]);
    }
  if (cut)
    g_string_append (line, "\xe2\x80\xa6");
  g_autofree char *esc = g_markup_escape_text (line->str, -1);
  g_string_append (out, esc);
  g_string_free (line, TRUE);
  return g_string_free (out, FALSE);
}

/* Graphviz's SVG has no document-level title/desc: put them right after
 * the root element's start tag so screen readers announce the diagram. */
static GBytes *
add_svg_accessibility (const char *svg, gsize len, const char *title, const char *desc)
{
  const char *root = g_strstr_len (svg, (gssize) len, "<svg");
  const char *gt = root ? memchr (root, '>', len - (gsize) (root - svg)) : NULL;
  if (gt == NULL)
    return g_bytes_new (svg, len);
  g_autofree char *t = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *d = g_markup_escape_text (desc ? desc : "", -1);
  GString *s = g_string_sized_new (len + strlen (t) + strlen (d) + 64);
  g_string_append_len (s, svg, gt + 1 - svg);
  g_string_append_printf (s, "\n<title>%s</title>\n<desc>%s</desc>", t, d);
  g_string_append_len (s, gt + 1, (gssize) (len - (gsize) (gt + 1 - svg)));
  return g_string_free_to_bytes (s);
}

GBytes *
evl_gv_render (Agraph_t *g, const char *engine, const EvlRenderOptions *opts,
               const char *title, const char *desc, GError **error)
{
  static const char *const formats[] = { "svg", "png", "pdf", "dot" };
  const char *format = formats[(guint) opts->format < 4 ? opts->format : 0];
  if (opts->format == EVL_IMAGE_PNG)
    evl_gv_setf (g, "dpi", "%g", opts->dpi > 0 ? opts->dpi : 96.0);
  g_mutex_lock (&gv_lock);
  agseterrf (quiet_errf);
  agseterr (AGMAX);
  /* One context for the process: Graphviz 2.43 keeps a global text-size
   * cache that a freed context leaves dangling (heap-use-after-free in the
   * pango plugin on the next render, found with ASan). */
  static GVC_t *gvc;
  if (gvc == NULL)
    gvc = gvContext ();
  GBytes *result = NULL;
  if (gvLayout (gvc, g, engine) != 0)
    evl_fail (error, EVL_ERROR_RENDER, "Graphviz could not lay out the diagram (%s)", engine);
  else
    {
      char *data = NULL;
      unsigned int len = 0;
      if (gvRenderData (gvc, g, format, &data, &len) != 0 || data == NULL)
        evl_fail (error, EVL_ERROR_RENDER,
                  "Graphviz could not render %s (is the %s plugin installed?)", format, format);
      else if (opts->format == EVL_IMAGE_SVG)
        result = add_svg_accessibility (data, len, title, desc);
      else
        result = g_bytes_new (data, len);
      if (data)
        gvFreeRenderData (data);
      gvFreeLayout (gvc, g);
    }
  g_mutex_unlock (&gv_lock);
  return result;
}
