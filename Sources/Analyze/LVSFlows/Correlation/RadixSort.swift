/// A 64-bit key with a value carried along, sorted by `RadixSort`.
struct KeyedValue {
    var key: UInt64
    var value: UInt64
}

/// Radix sort by key, 11 bits a pass: the correlation sorts a hashed key per SYN and per
/// request (two per record), where a comparison sort costs several times as much. Stable.
///
/// The keys are hashes, so their top 22 bits almost tell them apart: two passes order
/// the items by those bits, and the few items that share them are then ordered by the
/// whole key (an insertion sort, or the remaining passes for a long run), instead of six
/// passes over every item.
enum RadixSort {
    private static let bits: UInt64 = 11
    private static let buckets = 1 << 11
    /// The top bits the first two passes sort by.
    private static let topShift: UInt64 = 64 - 2 * bits
    /// Runs of equal top bits up to this long are finished by insertion.
    private static let insertionRun = 32

    static func sortByKey(_ items: inout [KeyedValue]) {
        guard items.count > 1 else { return }
        items.withUnsafeMutableBufferPointer { buffer in
            passes(buffer, shifts: [topShift, topShift + bits])
            var start = 0
            while start < buffer.count {
                let top = buffer[start].key >> topShift
                var end = start + 1
                while end < buffer.count, buffer[end].key >> topShift == top { end += 1 }
                let run = UnsafeMutableBufferPointer(rebasing: buffer[start..<end])
                if run.count > insertionRun {
                    passes(run, shifts: Array(stride(from: 0, to: topShift, by: Int(bits))))
                } else if run.count > 1 {
                    insertionSort(run)
                }
                start = end
            }
        }
    }

    /// Stable counting-sort passes over `items`, one per digit at `shifts` (least
    /// significant first); a pass is skipped when every key has the same digit.
    private static func passes(_ items: UnsafeMutableBufferPointer<KeyedValue>, shifts: [UInt64]) {
        let count = items.count
        let scratch = UnsafeMutableBufferPointer<KeyedValue>.allocate(capacity: count)
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: buckets)
        defer {
            scratch.deallocate()
            counts.deallocate()
        }
        var source = items
        var target = scratch
        for shift in shifts {
            counts.update(repeating: 0)
            for i in 0..<count { counts[digit(source[i].key, shift)] += 1 }
            if counts[digit(source[0].key, shift)] == count { continue }
            var offset = 0
            for b in 0..<buckets {
                let n = counts[b]
                counts[b] = offset
                offset += n
            }
            for i in 0..<count {
                let d = digit(source[i].key, shift)
                target.initializeElement(at: counts[d], to: source[i])
                counts[d] += 1
            }
            swap(&source, &target)
        }
        if source.baseAddress != items.baseAddress {
            _ = items.update(fromContentsOf: source)
        }
    }

    /// Stable: an item moves left only past larger keys.
    private static func insertionSort(_ items: UnsafeMutableBufferPointer<KeyedValue>) {
        for i in 1..<items.count {
            let item = items[i]
            var j = i
            while j > 0, items[j - 1].key > item.key {
                items[j] = items[j - 1]
                j -= 1
            }
            items[j] = item
        }
    }

    @inline(__always)
    private static func digit(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key >> shift) & UInt64(buckets - 1))
    }
}
