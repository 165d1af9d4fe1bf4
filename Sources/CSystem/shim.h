// C library declarations the Glibc module does not export (mallopt from <malloc.h>).
#include <malloc.h>
