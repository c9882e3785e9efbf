/* The libpcap floor: the fastest a reader of this file can go through libpcap.
 * It only walks the records with pcap_next_ex and touches each packet's first and
 * last captured byte (so the read is not optimised away). Every lvscope benchmark is
 * reported as a ratio to this loop, measured in the same run on the same file. */
#include <pcap/pcap.h>
#include <stdio.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: floor FILE\n"); return 2; }
    char errbuf[PCAP_ERRBUF_SIZE];
    pcap_t *p = pcap_open_offline_with_tstamp_precision(argv[1], PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!p) { fprintf(stderr, "floor: %s\n", errbuf); return 2; }
    struct pcap_pkthdr *h;
    const u_char *data;
    unsigned long long packets = 0, bytes = 0, touch = 0;
    int rc;
    while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
        packets++;
        bytes += h->caplen;
        if (h->caplen) touch += data[0] + data[h->caplen - 1];
    }
    pcap_close(p);
    printf("%llu packets %llu bytes %llu\n", packets, bytes, touch);
    return rc == PCAP_ERROR_BREAK || rc == -2 ? 0 : 1;
}
