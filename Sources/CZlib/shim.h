// zlib, for reading packaged charts (`charts/*.tgz`).
#include <zlib.h>
