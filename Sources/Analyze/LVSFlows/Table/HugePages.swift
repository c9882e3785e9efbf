import Glibc

/// Transparent huge pages for the large buffers flows are built in: the flow table's
/// entries and index, and the assembled records.
///
/// Fresh 4 KiB pages cost a fault each when first written (about 2.5 µs on the virtual
/// machines lvscope is benchmarked on: a tenth of `lvscope flows`'s CPU time went to
/// them), and the flow table's random lookups miss the TLB on nearly every packet once it
/// spans tens of megabytes. A 2 MiB page is one fault and one TLB entry. Debian's kernels
/// give huge pages only where `madvise(MADV_HUGEPAGE)` asks; where the kernel gives none,
/// the advice is ignored and the buffers behave as before.
///
/// Not a clear gain on those machines, measured 2026-11-27: their host backs guest memory
/// lazily and takes back what the guest has left free for a second or two. A huge page
/// that was taken back costs about 1.8 ms per MB on first write, against 0.7 for 4 KiB
/// pages; one freed moments before costs 0.14. `lvscope flows` with and without the advice
/// differed by less than the runs' own spread (about ±5%), warm or after a pause.
enum HugePages {
    static let size = 2 << 20

    /// Advises huge pages for the 2 MiB-aligned stretches that lie wholly inside
    /// `bytes` bytes from `start`, before they are first written. Memory around the
    /// buffer (other allocations on the heap) is left as it was.
    static func advise(_ start: UnsafeMutableRawPointer, bytes: Int) {
        let mask = UInt(size - 1)
        let first = (UInt(bitPattern: start) + mask) & ~mask
        let end = (UInt(bitPattern: start) + UInt(bytes)) & ~mask
        guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(aligned, Int(end - first), MADV_HUGEPAGE)
    }

    /// `bytes` bytes aligned to a huge page, advised; free with `deallocate()`.
    static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: size)
        advise(buffer, bytes: bytes)
        return buffer
    }
}
