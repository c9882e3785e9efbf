/// A 64-bit key with a value carried along, sorted by `RadixSort`.
struct KeyedValue {
    var key: UInt64
    var value: UInt64
}

/// Least-significant-digit radix sort by key, 11 bits a pass: the correlation sorts a
/// hashed key per SYN and per request (two per record), where a comparison sort costs
/// several times as much. Stable; a pass is skipped when every key has the same digit.
enum RadixSort {
    private static let bits: UInt64 = 11
    private static let buckets = 1 << 11

    static func sortByKey(_ items: inout [KeyedValue]) {
        let count = items.count
        guard count > 1 else { return }
        var scratch = [KeyedValue](repeating: KeyedValue(key: 0, value: 0), count: count)
        var counts = [Int](repeating: 0, count: buckets)
        var sortedInScratch = false
        items.withUnsafeMutableBufferPointer { itemsBuffer in
            scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                var source = itemsBuffer
                var target = scratchBuffer
                var shift: UInt64 = 0
                while shift < 64 {
                    defer { shift += bits }
                    for b in counts.indices { counts[b] = 0 }
                    for i in 0..<count { counts[digit(source[i].key, shift)] += 1 }
                    if counts[digit(source[0].key, shift)] == count { continue }
                    var offset = 0
                    for b in counts.indices {
                        let n = counts[b]
                        counts[b] = offset
                        offset += n
                    }
                    for i in 0..<count {
                        let d = digit(source[i].key, shift)
                        target[counts[d]] = source[i]
                        counts[d] += 1
                    }
                    swap(&source, &target)
                    sortedInScratch.toggle()
                }
            }
        }
        if sortedInScratch { items = scratch }
    }

    @inline(__always)
    private static func digit(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key >> shift) & UInt64(buckets - 1))
    }
}
