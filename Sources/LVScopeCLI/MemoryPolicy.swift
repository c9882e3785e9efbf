#if canImport(Glibc)
import CSystemShims
#endif

/// How the process asks glibc's allocator for memory. Every page of memory new to the
/// process costs a page fault when first written (about 1.5 µs on the virtual machines
/// the benchmarks run on, against 0.04 µs to fill it), and a run over a large capture
/// allocates and frees hundreds of megabytes phase after phase: the flow table, the
/// records, the correlator's columns, the connections, inference's lists. By default,
/// blocks of 128 KiB and more are mapped for themselves and unmapped when freed, so
/// each phase faults in fresh pages; served from the heap instead (up to glibc's
/// 32 MiB limit) and kept there once freed, later phases reuse pages already mapped.
/// On the 1.5-million-packet benchmark this removes about a fifth of the page faults and
/// 4–7% of the run, for a slightly higher peak (the process exits right after).
enum MemoryPolicy {
    static func apply() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
        #endif
    }
}
