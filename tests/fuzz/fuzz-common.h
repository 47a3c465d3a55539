/* Shared by the fuzz targets: one context per process, loader helper. */
#pragma once

#include <eventline/eventline.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Inputs beyond this are skipped: the loaders refuse large documents
 * anyway and the fuzzer should spend its time on structure. */
#define FUZZ_MAX_INPUT (256 * 1024)

static inline const EvlContext *
fuzz_context (void)
{
  static EvlContext *ctx;
  if (!ctx)
    {
      GError *error = NULL;
      ctx = evl_context_new (&error);
      if (!ctx)
        {
          g_printerr ("fuzz: no context: %s\n", error->message);
          abort ();
        }
    }
  return ctx;
}

/* Loads @data as @format and, when it yields documents, runs the full
 * annotation pipeline over each of them. */
static inline void
fuzz_load_and_annotate (EvlInputFormat format, const char *name,
                        const uint8_t *data, size_t size)
{
  if (size > FUZZ_MAX_INPUT)
    return;
  EvlLoadOptions opts = EVL_LOAD_OPTIONS_INIT;
  opts.format = format;
  opts.default_dct = "2023-09-13";
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) evl_document_unref);
  GError *error = NULL;
  if (!evl_source_load_bytes (name, (const char *) data, size, &opts, docs, &error))
    {
      g_clear_error (&error);
      /* Invalid UTF-8 is refused: repair it so the analysers still run. */
      if (format == EVL_FORMAT_TEXT && !g_utf8_validate_len ((const char *) data, size, NULL))
        {
          char *fixed = g_utf8_make_valid ((const char *) data, (gssize) size);
          evl_source_load_bytes (name, fixed, strlen (fixed), &opts, docs, &error);
          g_clear_error (&error);
          g_free (fixed);
        }
    }
  for (guint i = 0; i < docs->len; i++)
    evl_pipeline_annotate (fuzz_context (), g_ptr_array_index (docs, i));
  g_ptr_array_unref (docs);
}
