/// The live flows of one capture point: entries in fixed-size pages (so the memory held
/// grows by one page at a time and never needs a copy when it grows), a free list through
/// dead entries, and an open-addressing index (linear probing, backward-shift deletion)
/// kept at most three quarters full. A bucket holds the slot number and the low 32 bits
/// of the key's hash: a probe reads an entry only when those bits match, because each
/// entry read is a cache miss and a linear-probing run at that load is several buckets
/// long. The bits also give a member's home bucket when deleting and growing.
///
/// Memory is `pages × pageSize × stride(FlowEntry)` plus 8 bytes per index bucket: it
/// follows the peak number of live flows, never the number of packets. Entries are plain
/// values (`FlowEntry` holds no references), so pages are raw memory. The first page is
/// allocated on its own (most captures need no more); later ones are carved from 4 MiB
/// slabs of huge pages (`HugePages`), as is an index of 2 MiB or more.
final class FlowTable {
    static let pageShift: UInt32 = 10
    static let pageSize = 1 << Int(pageShift)
    private static let pageMask: UInt32 = UInt32(pageSize - 1)

    // One owner at a time (a `FlowTracker`), no inout access escapes: the per-packet
    // lookups skip the dynamic exclusivity checks.
    @exclusivity(unchecked) private var pages: [UnsafeMutablePointer<FlowEntry>] = []
    /// The allocations the pages live in: the first page, then slabs.
    private var blocks: [UnsafeMutableRawPointer] = []
    /// Bytes of `blocks`.
    private var blockBytes = 0
    /// Pages carved from the last slab so far.
    private var slabPagesUsed = FlowTable.pagesPerSlab
    /// Slots handed out so far; slots below it are live or on the free list.
    @exclusivity(unchecked) private(set) var highWater: UInt32 = 0
    /// First free slot + 1; a free entry's `firstFrame` links to the next.
    @exclusivity(unchecked) private var freeHead: UInt32 = 0
    /// `hash low 32 bits << 32 | slot + 1`; 0 = empty.
    @exclusivity(unchecked) private var index: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var indexMask: Int
    @exclusivity(unchecked) private(set) var count = 0

    private static var pageBytes: Int { pageSize * MemoryLayout<FlowEntry>.stride }
    private static var slabBytes: Int { 2 * HugePages.size }
    private static var pagesPerSlab: Int { slabBytes / pageBytes }

    init(indexCapacity: Int = 1024) {
        var capacity = 16
        while capacity < indexCapacity { capacity <<= 1 }
        index = FlowTable.allocateIndex(buckets: capacity)
        indexMask = capacity - 1
    }

    deinit {
        UnsafeMutableRawPointer(index).deallocate()
        for block in blocks { block.deallocate() }
    }

    /// A zeroed index; in huge pages when it fills one.
    private static func allocateIndex(buckets: Int) -> UnsafeMutablePointer<UInt64> {
        let bytes = buckets * MemoryLayout<UInt64>.stride
        let raw = bytes >= HugePages.size
            ? HugePages.allocate(bytes: bytes)
            : UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: MemoryLayout<UInt64>.alignment)
        return raw.initializeMemory(as: UInt64.self, repeating: 0, count: buckets)
    }

    /// Memory for one more page of entries.
    private func newPage() -> UnsafeMutablePointer<FlowEntry> {
        let raw: UnsafeMutableRawPointer
        if blocks.isEmpty {
            raw = UnsafeMutableRawPointer.allocate(byteCount: FlowTable.pageBytes,
                                                   alignment: MemoryLayout<FlowEntry>.alignment)
            blocks.append(raw)
            blockBytes += FlowTable.pageBytes
        } else {
            if slabPagesUsed == FlowTable.pagesPerSlab {
                blocks.append(HugePages.allocate(bytes: FlowTable.slabBytes))
                blockBytes += FlowTable.slabBytes
                slabPagesUsed = 0
            }
            raw = blocks[blocks.count - 1] + slabPagesUsed * FlowTable.pageBytes
            slabPagesUsed += 1
        }
        return raw.bindMemory(to: FlowEntry.self, capacity: FlowTable.pageSize)
    }

    /// Entries that fit without allocating a page.
    var capacity: Int { pages.count * FlowTable.pageSize }
    var indexBuckets: Int { indexMask + 1 }

    /// Bytes held by the entries' pages (whole slabs) and the index.
    var bytes: Int {
        blockBytes + indexBuckets * MemoryLayout<UInt64>.stride
            + pages.capacity * MemoryLayout<UnsafeMutablePointer<FlowEntry>>.stride
    }

    @inline(__always)
    func entry(_ slot: UInt32) -> UnsafeMutablePointer<FlowEntry> {
        pages[Int(slot >> FlowTable.pageShift)] + Int(slot & FlowTable.pageMask)
    }

    /// The slot of the live flow with `key`, whose `hash` is `key.hash`.
    @inline(__always)
    func find(_ key: FlowKey, hash: UInt64) -> UInt32? {
        let tag = hash << 32
        var position = Int(truncatingIfNeeded: hash) & indexMask
        while true {
            let value = index[position]
            if value == 0 { return nil }
            if value & 0xFFFF_FFFF_0000_0000 == tag {
                let slot = UInt32(truncatingIfNeeded: value) - 1
                if entry(slot).pointee.key == key { return slot }
            }
            position = (position + 1) & indexMask
        }
    }

    /// The bucket value of `slot` for a key whose hash is `hash`.
    @inline(__always)
    private static func bucket(_ slot: UInt32, hash: UInt64) -> UInt64 { hash << 32 | UInt64(slot + 1) }

    /// The slot a bucket value names.
    @inline(__always)
    private static func slot(_ value: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: value) - 1 }

    /// The bucket a member's probe run starts at, from its hash bits (or its key, for an
    /// index too large for 32 bits to place).
    @inline(__always)
    private func home(_ value: UInt64) -> Int {
        let hash = indexMask <= Int(UInt32.max) ? value >> 32 : entry(FlowTable.slot(value)).pointee.key.hash
        return Int(truncatingIfNeeded: hash) & indexMask
    }

    /// Stores a new flow (its key must not be present) and returns its slot.
    func insert(_ newEntry: FlowEntry, hash: UInt64) -> UInt32 {
        if (count + 1) * 4 > indexBuckets * 3 { growIndex() }
        let slot = takeSlot()
        entry(slot).initialize(to: newEntry)
        var position = Int(truncatingIfNeeded: hash) & indexMask
        while index[position] != 0 { position = (position + 1) & indexMask }
        index[position] = FlowTable.bucket(slot, hash: hash)
        count += 1
        return slot
    }

    /// Removes the flow in `slot` from the index and frees the slot.
    func remove(_ slot: UInt32) {
        let hash = entry(slot).pointee.key.hash
        let value = FlowTable.bucket(slot, hash: hash)
        var position = Int(truncatingIfNeeded: hash) & indexMask
        while index[position] != value { position = (position + 1) & indexMask }
        index[position] = 0
        shiftBack(from: position)
        let freed = entry(slot)
        freed.pointee.flags = []
        freed.pointee.firstFrame = freeHead
        freeHead = slot + 1
        count -= 1
    }

    /// Forgets every flow and frees the pages (the index keeps its size).
    func removeAll() {
        for block in blocks { block.deallocate() }
        blocks = []
        blockBytes = 0
        slabPagesUsed = FlowTable.pagesPerSlab
        pages = []
        highWater = 0
        freeHead = 0
        count = 0
        index.update(repeating: 0, count: indexBuckets)
    }

    /// Calls `body` with every live slot, in slot order.
    func forEachLiveSlot(_ body: (UInt32) -> Void) {
        forEachLiveSlot(in: 0..<highWater, body)
    }

    /// The slots ever used: every live slot is below it.
    var slotLimit: UInt32 { highWater }

    func forEachLiveSlot(in slots: Range<UInt32>, _ body: (UInt32) -> Void) {
        var slot = slots.lowerBound
        while slot < min(slots.upperBound, highWater) {
            if entry(slot).pointee.flags.contains(.live) { body(slot) }
            slot += 1
        }
    }

    private func takeSlot() -> UInt32 {
        if freeHead != 0 {
            let slot = freeHead - 1
            freeHead = entry(slot).pointee.firstFrame
            return slot
        }
        if Int(highWater) == capacity {
            pages.append(newPage())
        }
        highWater += 1
        return highWater - 1
    }

    /// Backward-shift deletion: moves later members of the probe run into the hole so
    /// that lookups never stop early at it.
    private func shiftBack(from hole: Int) {
        var hole = hole
        var next = (hole + 1) & indexMask
        while index[next] != 0 {
            let home = home(index[next])
            // The member at `next` may move to `hole` unless its home lies cyclically in (hole, next].
            let homeAfterHole = (home &- hole) & indexMask
            let nextAfterHole = (next &- hole) & indexMask
            if homeAfterHole == 0 || homeAfterHole > nextAfterHole {
                index[hole] = index[next]
                index[next] = 0
                hole = next
            }
            next = (next + 1) & indexMask
        }
    }

    private func growIndex() {
        let oldBuckets = indexBuckets
        let old = index
        let buckets = oldBuckets * 2
        index = FlowTable.allocateIndex(buckets: buckets)
        indexMask = buckets - 1
        for position in 0..<oldBuckets where old[position] != 0 {
            var target = home(old[position])
            while index[target] != 0 { target = (target + 1) & indexMask }
            index[target] = old[position]
        }
        UnsafeMutableRawPointer(old).deallocate()
    }
}
