/* libFuzzer target: the timeml loader then segment + timex + entities +
 * events on arbitrary bytes. */
#include <string.h>
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_load_and_annotate (EVL_FORMAT_TIMEML, "fuzz.tml", data, size);
  return 0;
}
