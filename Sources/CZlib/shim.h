// zlib (Debian: zlib1g-dev): gzip decompression for IDX files.
#include <zlib.h>
