/* libFuzzer target: the jsonl loader then segment + timex + entities +
 * events on arbitrary bytes. */
#include <string.h>
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_load_and_annotate (EVL_FORMAT_JSONL, "fuzz.jsonl", data, size);
  return 0;
}
