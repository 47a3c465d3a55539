/* libFuzzer target: the text loader then segment + timex + entities +
 * events on arbitrary bytes. */
#include <string.h>
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_load_and_annotate (EVL_FORMAT_TEXT, "fuzz.txt", data, size);
  return 0;
}
