/* Graphviz adapter: owns the GVC_t and the Agraph_t of one diagram, wraps
 * Graphviz 2.43's non-const char * parameters, captures its messages (the
 * library never prints) and renders into memory. */
#include "render-private.h"

#include <math.h>
#include <string.h>

struct _EvlGv {
  GVC_t *gvc;
  Agraph_t *g;
  gboolean laid_out;
  GPtrArray *svg_only;  /* SvgAttr */
};

/* An attribute only the SVG shows (a tooltip): set for the SVG drawing and
 * cleared after it, so the DOT text, drawn from the same graph, does not
 * carry it. */
typedef struct {
  void *obj;
  char *attr;
  char *value;
} SvgAttr;

static void
svg_attr_free (gpointer p)
{
  SvgAttr *a = p;
  g_free (a->attr);
  g_free (a->value);
  g_free (a);
}

static GMutex gv_lock;
static GString *gv_messages;
/* One GVC_t for the process, never freed: Graphviz 2.4x's pango plugin
 * caches a pointer into the context's font table, which would dangle once a
 * context is freed and the next one lays out text. */
static GVC_t *shared_gvc;

static int
collect_message (char *msg)
{
  if (gv_messages && gv_messages->len < 4096)
    g_string_append (gv_messages, msg);
  return 0;
}

/* Object IDs in the order objects are named.  Graphviz's default ID
 * discipline makes a named object's ID the address of its interned name,
 * and a graph keeps its subgraphs ordered by ID: the order subgraphs were
 * written and laid out in, and so the diagram, changed from run to run
 * with the heap's layout (relations.dot of the 400 wire texts: three
 * runs, three files).  Names get even IDs 2, 4, ... as first seen;
 * anonymous objects odd ones, as by default. */
typedef struct {
  Agraph_t *g;        /* the root graph, whose string pool holds the names */
  GHashTable *ids;    /* name -> ID */
  GPtrArray *names;   /* ID / 2 -> name (slot 0 unused) */
  IDTYPE anon;        /* the next anonymous (odd) ID */
} IdState;

static void *
id_open (Agraph_t *g, Agdisc_t *disc)
{
  (void) disc;
  IdState *s = g_new0 (IdState, 1);
  s->g = g;
  s->ids = g_hash_table_new (g_str_hash, g_str_equal);
  s->names = g_ptr_array_new ();
  g_ptr_array_add (s->names, NULL);
  s->anon = 1;
  return s;
}

static long
id_map (void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
  (void) objtype;
  IdState *s = state;
  if (str == NULL)
    {
      *id = s->anon;
      s->anon += 2;
      return TRUE;
    }
  gpointer v;
  if (g_hash_table_lookup_extended (s->ids, str, NULL, &v))
    {
      *id = (IDTYPE) GPOINTER_TO_SIZE (v);
      return TRUE;
    }
  if (!createflag)
    return FALSE;   /* no such name: the caller's lookup fails */
  /* (interned in the graph's pool, as Graphviz's writer reads a flag
   * that pool keeps with each string: whether it is HTML) */
  char *name = agstrdup (s->g, str);
  *id = (IDTYPE) s->names->len * 2;
  g_ptr_array_add (s->names, name);
  g_hash_table_insert (s->ids, name, GSIZE_TO_POINTER ((gsize) *id));
  return TRUE;
}

static long
id_alloc (void *state, int objtype, IDTYPE request)
{
  (void) state;
  (void) objtype;
  (void) request;
  return FALSE;
}

static void
id_free (void *state, int objtype, IDTYPE id)
{
  /* names live until the graph closes: an ID is never reused */
  (void) state;
  (void) objtype;
  (void) id;
}

static char *
id_print (void *state, int objtype, IDTYPE id)
{
  (void) objtype;
  IdState *s = state;
  return id % 2 == 0 && id / 2 < s->names->len ? s->names->pdata[id / 2] : NULL;
}

/* (the names go with the graph's string pool) */
static void
id_close (void *state)
{
  IdState *s = state;
  g_hash_table_destroy (s->ids);
  g_ptr_array_free (s->names, TRUE);
  g_free (s);
}

static void
id_register (void *state, int objtype, void *obj)
{
  (void) state;
  (void) objtype;
  (void) obj;
}

static Agiddisc_t ordered_ids = { id_open, id_map, id_alloc, id_free, id_print, id_close, id_register };

EvlGv *
evl_gv_new (const char *name, gboolean directed)
{
  g_mutex_lock (&gv_lock);
  gv_messages = g_string_new (NULL);
  agseterrf (collect_message);
  agseterr (AGWARN);
  EvlGv *gv = g_new0 (EvlGv, 1);
  if (shared_gvc == NULL)
    shared_gvc = gvContext ();
  gv->gvc = shared_gvc;
  static Agdisc_t disc;
  disc = (Agdisc_t) { &AgMemDisc, &ordered_ids, &AgIoDisc };
  gv->g = agopen ((char *) name, directed ? Agdirected : Agundirected, &disc);
  gv->svg_only = g_ptr_array_new_with_free_func (svg_attr_free);
  return gv;
}

void
evl_gv_free (EvlGv *gv)
{
  if (gv == NULL)
    return;
  if (gv->laid_out)
    gvFreeLayout (gv->gvc, gv->g);
  agclose (gv->g);
  g_ptr_array_free (gv->svg_only, TRUE);
  g_free (gv);
  g_string_free (gv_messages, TRUE);
  gv_messages = NULL;
  agseterrf (NULL);
  g_mutex_unlock (&gv_lock);
}

Agraph_t *evl_gv_graph (EvlGv *gv) { return gv->g; }

void
evl_gv_set (void *obj, const char *attr, const char *value)
{
  agsafeset (obj, (char *) attr, (char *) value, (char *) "");
}

void
evl_gv_set_html (EvlGv *gv, void *obj, const char *attr, const char *html)
{
  char *h = agstrdup_html (gv->g, (char *) html);
  agsafeset (obj, (char *) attr, h, (char *) "");
  agstrfree (gv->g, h);
}

void
evl_gv_set_svg_only (EvlGv *gv, void *obj, const char *attr, const char *value)
{
  SvgAttr *a = g_new (SvgAttr, 1);
  *a = (SvgAttr) { obj, g_strdup (attr), g_strdup (value) };
  g_ptr_array_add (gv->svg_only, a);
}

static void
apply_svg_only (EvlGv *gv, gboolean on)
{
  for (guint i = 0; i < gv->svg_only->len; i++)
    {
      const SvgAttr *a = gv->svg_only->pdata[i];
      evl_gv_set (a->obj, a->attr, on ? a->value : "");
    }
}

Agnode_t *evl_gv_node (EvlGv *gv, const char *name) { return agnode (gv->g, (char *) name, 1); }
Agedge_t *evl_gv_edge (EvlGv *gv, Agnode_t *t, Agnode_t *h) { return agedge (gv->g, t, h, NULL, 1); }
Agraph_t *evl_gv_subgraph (EvlGv *gv, const char *name) { return agsubg (gv->g, (char *) name, 1); }

static const char *
gv_format (EvlImageFormat f)
{
  switch (f)
    {
    case EVL_IMAGE_PNG: return "png";
    case EVL_IMAGE_PDF: return "pdf";
    case EVL_IMAGE_DOT: return "dot";
    case EVL_IMAGE_SVG:
    default: return "svg";
    }
}

/* <title> and <desc> as the first children of the root <svg>: screen
 * readers announce them for the whole picture. */
static GString *
svg_with_desc (const char *data, gsize len, const char *title, const char *desc)
{
  GString *s = g_string_new_len (data, (gssize) len);
  const char *root = g_strstr_len (s->str, (gssize) s->len, "<svg");
  if (root == NULL)
    return s;
  const char *close = strchr (root, '>');
  if (close == NULL)
    return s;
  g_autofree char *t = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *d = g_markup_escape_text (desc ? desc : "", -1);
  g_autofree char *ins = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", t, d);
  g_string_insert (s, (close - s->str) + 1, ins);
  return s;
}

/* cairo stamps a PDF with the time it was drawn ('/CreationDate
 * (D:20261124110710Z)'): cairo 1.16 takes the clock when the surface is
 * made, ignores SOURCE_DATE_EPOCH, and only cairo_pdf_surface_set_metadata
 * could change the stamp, on a surface Graphviz's cairo plugin makes and
 * never hands out.  So the entry is rewritten in place, same length, and
 * the cross-reference offsets stay right: to SOURCE_DATE_EPOCH's date when
 * it is set, else blanked (the entry is optional; spaces between the
 * entries of a dictionary are allowed), so that the same story draws the
 * same PDF in every run, as it draws the same SVG and PNG. */
static void
pdf_creation_date (char *data, gsize len)
{
  /* (the binary streams before it hold NULs: no string search) */
  static const char key[] = "/CreationDate (D:";
  const gsize klen = sizeof key - 1;
  char *entry = NULL;
  for (char *p = data; p && (gsize) (p - data) + klen + 14 <= len;
       p = memchr (p + 1, '/', len - (gsize) (p - data) - 1))
    if (memcmp (p, key, klen) == 0)
      {
        entry = p;
        break;
      }
  if (entry == NULL)
    return;
  char *digits = entry + klen;
  for (int i = 0; i < 14; i++)
    if (!g_ascii_isdigit (digits[i]))
      return;
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  if (epoch && *epoch)
    {
      char *end = NULL;
      gint64 secs = g_ascii_strtoll (epoch, &end, 10);
      g_autoptr (GDateTime) t = *end == '\0' && secs >= 0 ? g_date_time_new_from_unix_utc (secs) : NULL;
      g_autofree char *stamp = t ? g_date_time_format (t, "%Y%m%d%H%M%S") : NULL;
      if (stamp && strlen (stamp) == 14)
        {
          memcpy (digits, stamp, 14);
          return;
        }
    }
  char *close = memchr (digits, ')', len - (gsize) (digits - data));
  if (close && close - digits < 32)
    memset (entry, ' ', (gsize) (close - entry) + 1);
}

/* Draws the laid-out graph as @format into @out. */
static gboolean
render_one (EvlGv *gv, EvlImageFormat format, double dpi, const char *title, const char *desc,
            GOutputStream *out, GError **error)
{
  /* The resolution only scales the drawing, never the layout: set where
   * the renderer reads it (the graph attribute is read by the layout
   * alone), and only for PNG, as the other formats are drawn at their
   * own. */
  double saved_dpi = GD_drawing (gv->g)->dpi;
  if (format == EVL_IMAGE_PNG)
    {
      /* (whole dots per inch, as the attribute this replaces was written) */
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (buf, sizeof buf, "%.0f", dpi > 0 ? dpi : 150);
      GD_drawing (gv->g)->dpi = g_ascii_strtod (buf, NULL);
    }
  if (format == EVL_IMAGE_SVG)
    apply_svg_only (gv, TRUE);
  char *data = NULL;
  unsigned int len = 0;
  int rc = gvRenderData (gv->gvc, gv->g, gv_format (format), &data, &len);
  if (format == EVL_IMAGE_SVG)
    apply_svg_only (gv, FALSE);
  GD_drawing (gv->g)->dpi = saved_dpi;
  if (rc != 0 || data == NULL)
    {
      if (data)
        gvFreeRenderData (data);
      return evl_fail (error, EVL_ERROR_RENDER, "Graphviz could not render %s: %s",
                       gv_format (format), gv_messages->str);
    }
  gboolean ok;
  if (format == EVL_IMAGE_SVG)
    {
      GString *s = svg_with_desc (data, len, title, desc);
      ok = g_output_stream_write_all (out, s->str, s->len, NULL, NULL, error);
      g_string_free (s, TRUE);
    }
  else
    {
      if (format == EVL_IMAGE_PDF)
        pdf_creation_date (data, len);
      ok = g_output_stream_write_all (out, data, len, NULL, NULL, error);
    }
  gvFreeRenderData (data);
  return ok;
}

/* Snapping grid, 2^-24 pt: coarser than the last bits of a coordinate
 * (1e-13 near 1000 pt) by far, and finer than what any output can show
 * (SVG prints 1/100 pt, pixman rasterises at 1/256 pixel): a drawing
 * changes only where something sat that close to a pixel's rounding edge. */
#define SNAP_GRID 16777216.0

static double
snap (double v)
{
  return nearbyint (v * SNAP_GRID) / SNAP_GRID;
}

static void
snap_point (pointf *p)
{
  p->x = snap (p->x);
  p->y = snap (p->y);
}

static void
snap_box (boxf *b)
{
  snap_point (&b->LL);
  snap_point (&b->UR);
}

static void
snap_label (textlabel_t *l)
{
  if (l)
    snap_point (&l->pos);
}

static void
snap_graph (Agraph_t *g)
{
  snap_box (&GD_bb (g));
  snap_label (GD_label (g));
  for (Agraph_t *s = agfstsubg (g); s; s = agnxtsubg (s))
    snap_graph (s);
}

/* Neato's solvers sum over edges in the order libgts's pointer-keyed hash
 * tables give them, and so over the heap's layout, which the worker
 * threads change from run to run: coordinates and the bounding box differ
 * in their last bits, the scale drawn at with them, and a glyph whose
 * device position falls near a pixel's edge lands one pixel over in the
 * PNG (entities.png of the 400 wire texts: 2 files in 10 runs; DOT and SVG,
 * printed to 1/100 pt, stayed the same).  Snapped
 * to a fixed grid, every run draws from the same numbers. */
static void
snap_layout (Agraph_t *g)
{
  snap_graph (g);
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    {
      snap_point (&ND_coord (n));
      snap_label (ND_label (n));
      snap_label (ND_xlabel (n));
      for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e))
        {
          snap_label (ED_label (e));
          snap_label (ED_head_label (e));
          snap_label (ED_tail_label (e));
          snap_label (ED_xlabel (e));
          splines *spl = ED_spl (e);
          if (spl == NULL)
            continue;
          snap_box (&spl->bb);
          for (int i = 0; i < spl->size; i++)
            {
              bezier *bz = &spl->list[i];
              for (int j = 0; j < bz->size; j++)
                snap_point (&bz->list[j]);
              snap_point (&bz->sp);
              snap_point (&bz->ep);
            }
        }
    }
}

gboolean
evl_gv_render (EvlGv *gv, const char *engine, const EvlRenderOptions *opts,
               const char *title, const char *desc,
               const EvlRenderTarget *targets, guint n_targets, GError **error)
{
  double width = opts->width_in > 0 ? opts->width_in : 8.27;
  char buf[64];
  g_ascii_formatd (buf, sizeof buf - 4, "%.2f", width);
  g_strlcat (buf, ",100", sizeof buf);
  evl_gv_set (gv->g, "size", buf);
  if (gvLayout (gv->gvc, gv->g, engine) != 0)
    return evl_fail (error, EVL_ERROR_RENDER, "Graphviz layout failed: %s", gv_messages->str);
  gv->laid_out = TRUE;
  /* (dot and nop place by exact rules, and their drawings are already
   * stable) */
  if (strcmp (engine, "neato") == 0)
    snap_layout (gv->g);
  for (guint i = 0; i < n_targets; i++)
    if (!render_one (gv, targets[i].format, opts->dpi, title, desc, targets[i].out, error))
      return FALSE;
  return TRUE;
}
