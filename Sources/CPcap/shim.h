#ifndef LVSCOPE_CPCAP_SHIM_H
#define LVSCOPE_CPCAP_SHIM_H
#include <pcap/pcap.h>
/* __fsetlocking: a savefile's stream is read by one thread at a time. */
#include <stdio_ext.h>
#endif
