/* Declarations only (include/system_shims.h); a C target needs one source file. */
#include "system_shims.h"
