/* A minimal flow counter: the yardstick for `lvscope flows` on this machine.
 *
 * It does the least any flows pass must do, in plain C on two threads as lvscope does:
 * the reading thread walks the file with pcap_next_ex and takes the 5-tuple, time, IP
 * length, TCP flags and sequence number of each Ethernet/IPv4 TCP or UDP packet (no
 * VLANs, IPv6, tunnels, options or checksums); the main thread keeps one 64-byte entry per
 * flow in an open-addressing table (packets, bytes, flags and last sequence number per
 * side; no TCP state machine, history, retransmissions, MACs, expiry or correlation), and
 * prints a line per flow at the end. The share of the libpcap floor it reaches is the most
 * a flows pass can reach on the machine: lvscope's ratio is read against it.
 */
#include <pcap/pcap.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t a, b;
    uint16_t portA, portB;
    uint8_t proto, used, flagsA, flagsB;
    uint64_t first, last;
    uint32_t packetsA, packetsB;
    uint64_t bytesA, bytesB;
    uint32_t seqA, seqB;
} Entry;

typedef struct {
    uint64_t time;
    uint32_t source, destination, seq;
    uint16_t sourcePort, destinationPort, length;
    uint8_t proto, flags;
} Item;

/* Batches of 1024 handed over under a mutex, as lvscope's ReadAhead does. */
enum { BATCH = 1024, BATCHES = 4, QUEUE = 8 };
typedef struct {
    Item items[BATCH];
    int count, last;
} Batch;

typedef struct {
    int slots[QUEUE];
    int head, tail;
} Queue;

static Batch batches[BATCHES];
static Queue freeQueue, filledQueue;
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static pcap_t *pcap;
static unsigned long long packets;
static Entry *table;
static uint64_t mask, used;

static void put(Queue *q, int batch) {
    pthread_mutex_lock(&mutex);
    q->slots[q->tail++ % QUEUE] = batch;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&mutex);
}

static int take(Queue *q) {
    pthread_mutex_lock(&mutex);
    while (q->head == q->tail) pthread_cond_wait(&changed, &mutex);
    int batch = q->slots[q->head++ % QUEUE];
    pthread_mutex_unlock(&mutex);
    return batch;
}

static uint64_t hash(const Entry *k) {
    uint64_t x = ((uint64_t)k->a << 32 | k->b) * 0x9E3779B97F4A7C15ULL
        ^ ((uint64_t)k->portA << 24 | (uint64_t)k->portB << 8 | k->proto) * 0xC2B2AE3D27D4EB4FULL;
    return x ^ (x >> 29);
}

static void grow(void) {
    Entry *old = table;
    uint64_t size = mask + 1;
    mask = size * 2 - 1;
    table = calloc(size * 2, sizeof(Entry));
    if (!table) { fprintf(stderr, "flowcount: out of memory\n"); exit(2); }
    for (uint64_t i = 0; i < size; i++) {
        if (!old[i].used) continue;
        uint64_t j = hash(&old[i]) & mask;
        while (table[j].used) j = (j + 1) & mask;
        table[j] = old[i];
    }
    free(old);
}

/* The flow's entry (side A is the lower address), made on first sight. */
static Entry *lookup(const Item *item, int *isA) {
    Entry key = { .a = item->source, .b = item->destination, .portA = item->sourcePort,
                  .portB = item->destinationPort, .proto = item->proto };
    *isA = item->source < item->destination
        || (item->source == item->destination && item->sourcePort <= item->destinationPort);
    if (!*isA) {
        key.a = item->destination; key.b = item->source;
        key.portA = item->destinationPort; key.portB = item->sourcePort;
    }
    if ((used + 1) * 4 > (mask + 1) * 3) grow();
    for (uint64_t i = hash(&key) & mask;; i = (i + 1) & mask) {
        Entry *e = &table[i];
        if (!e->used) {
            *e = key;
            e->used = 1;
            used++;
            return e;
        }
        if (e->a == key.a && e->b == key.b && e->portA == key.portA && e->portB == key.portB && e->proto == key.proto)
            return e;
    }
}

static void *readAll(void *unused) {
    (void)unused;
    struct pcap_pkthdr *header;
    const u_char *data;
    for (int done = 0; !done;) {
        Batch *batch = &batches[take(&freeQueue)];
        batch->count = 0;
        batch->last = 0;
        while (batch->count < BATCH) {
            if (pcap_next_ex(pcap, &header, &data) != 1) {
                done = batch->last = 1;
                break;
            }
            packets++;
            if (header->caplen < 34 || data[12] != 8 || data[13] != 0) continue;
            const u_char *ip = data + 14;
            unsigned ihl = (ip[0] & 15u) * 4;
            if ((ip[9] != 6 && ip[9] != 17) || header->caplen < 14 + ihl + 20) continue;
            const u_char *l4 = ip + ihl;
            Item *item = &batch->items[batch->count++];
            memcpy(&item->source, ip + 12, 4);
            memcpy(&item->destination, ip + 16, 4);
            item->sourcePort = (uint16_t)(l4[0] << 8 | l4[1]);
            item->destinationPort = (uint16_t)(l4[2] << 8 | l4[3]);
            item->proto = ip[9];
            item->time = (uint64_t)header->ts.tv_sec * 1000000000ULL + (uint64_t)header->ts.tv_usec;
            item->length = (uint16_t)(ip[2] << 8 | ip[3]);
            item->flags = ip[9] == 6 ? l4[13] : 0;
            item->seq = ip[9] == 6 ? (uint32_t)l4[4] << 24 | (uint32_t)l4[5] << 16 | (uint32_t)l4[6] << 8 | l4[7] : 0;
        }
        put(&filledQueue, (int)(batch - batches));
    }
    return NULL;
}

static void track(const Item *item) {
    int isA;
    Entry *e = lookup(item, &isA);
    if (!e->first) e->first = item->time;
    e->last = item->time;
    if (isA) {
        e->packetsA++; e->bytesA += item->length; e->flagsA |= item->flags; e->seqA = item->seq;
    } else {
        e->packetsB++; e->bytesB += item->length; e->flagsB |= item->flags; e->seqB = item->seq;
    }
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: flowcount FILE\n"); return 2; }
    char errbuf[PCAP_ERRBUF_SIZE];
    FILE *stream = fopen(argv[1], "rb");
    if (!stream) { perror("flowcount"); return 2; }
    /* The floor's buffer (see floor.c). */
    char *buffer = aligned_alloc(4096, 1 << 20);
    if (!buffer || setvbuf(stream, buffer, _IOFBF, 1 << 20) != 0) { fprintf(stderr, "flowcount: setvbuf\n"); return 2; }
    pcap = pcap_fopen_offline_with_tstamp_precision(stream, PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!pcap) { fprintf(stderr, "flowcount: %s\n", errbuf); return 2; }
    mask = 4095;
    table = calloc(mask + 1, sizeof(Entry));
    if (!table) { fprintf(stderr, "flowcount: out of memory\n"); return 2; }
    for (int i = 0; i < BATCHES; i++) put(&freeQueue, i);
    pthread_t reader;
    if (pthread_create(&reader, NULL, readAll, NULL) != 0) { fprintf(stderr, "flowcount: no thread\n"); return 2; }
    for (int last = 0; !last;) {
        int index = take(&filledQueue);
        Batch *batch = &batches[index];
        for (int i = 0; i < batch->count; i++) track(&batch->items[i]);
        last = batch->last;
        put(&freeQueue, index);
    }
    pthread_join(reader, NULL);
    for (uint64_t i = 0; i <= mask; i++) {
        const Entry *e = &table[i];
        if (!e->used) continue;
        const unsigned char *a = (const unsigned char *)&e->a, *b = (const unsigned char *)&e->b;
        printf("%llu.%09llu\t%u.%u.%u.%u\t%u\t%u.%u.%u.%u\t%u\t%s\t%llu\t%u\t%llu\t%u\t%llu\t%02x\t%02x\n",
               (unsigned long long)(e->first / 1000000000), (unsigned long long)(e->first % 1000000000),
               a[0], a[1], a[2], a[3], e->portA, b[0], b[1], b[2], b[3], e->portB, e->proto == 6 ? "tcp" : "udp",
               (unsigned long long)(e->last - e->first), e->packetsA, (unsigned long long)e->bytesA, e->packetsB,
               (unsigned long long)e->bytesB, e->flagsA, e->flagsB);
    }
    pcap_close(pcap);
    fprintf(stderr, "%llu packets %llu flows\n", packets, (unsigned long long)used);
    return 0;
}
