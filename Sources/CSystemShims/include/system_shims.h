#ifndef LVSCOPE_SYSTEM_SHIMS_H
#define LVSCOPE_SYSTEM_SHIMS_H
/* The C library declarations Swift's Glibc module leaves out. */
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#endif
