/* The libpcap floor: the fastest a reader of this file can go through libpcap.
 * It only walks the records with pcap_next_ex and touches each packet's first and
 * last captured byte (so the read is not optimised away). Every lvscope benchmark is
 * reported as a ratio to this loop, measured in the same run on the same file.
 * It reads through a 1 MiB stdio buffer, as LVSCapture does: with glibc's default
 * 4 KiB buffer the floor would be slower than lvscope's own reading, and the ratios
 * would flatter us. The buffer is page-aligned, as LVSCapture's is: glibc's malloc puts a
 * 1 MiB block 16 bytes past a page, and on AMD EPYC the kernel's copy into such a buffer
 * runs 2.5x slower, which would make the floor slow and the ratios flatter us again. */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: floor FILE\n"); return 2; }
    char errbuf[PCAP_ERRBUF_SIZE];
    FILE *stream = fopen(argv[1], "rb");
    if (!stream) { perror("floor"); return 2; }
    char *buffer = aligned_alloc(4096, 1 << 20);
    if (!buffer || setvbuf(stream, buffer, _IOFBF, 1 << 20) != 0) { fprintf(stderr, "floor: setvbuf\n"); return 2; }
    pcap_t *p = pcap_fopen_offline_with_tstamp_precision(stream, PCAP_TSTAMP_PRECISION_NANO, errbuf);
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
    free(buffer);
    printf("%llu packets %llu bytes %llu\n", packets, bytes, touch);
    return rc == PCAP_ERROR_BREAK || rc == -2 ? 0 : 1;
}
