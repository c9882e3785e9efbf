#ifndef LVSCOPE_CPCAP_SHIM_H
#define LVSCOPE_CPCAP_SHIM_H
#include <pcap/pcap.h>
#endif
