/// One selective-acknowledgement block (RFC 2018): the left edge and the right edge
/// (one past the last byte) of a block of received data.
public struct SACKBlock: Hashable, Sendable {
    public var left: UInt32
    public var right: UInt32

    @inlinable
    public init(left: UInt32, right: UInt32) {
        self.left = left
        self.right = right
    }
}

/// The 1 to 4 blocks of a SACK option (RFC 2018 §3), stored inline: 40 option bytes
/// leave room for at most four 8-byte blocks.
public struct SACKBlocks: RandomAccessCollection, Hashable, Sendable {
    @usableFromInline var storage: (SACKBlock, SACKBlock, SACKBlock, SACKBlock)
    public let count: Int

    @inlinable public static var capacity: Int { 4 }

    /// `blocks` beyond the fourth are dropped.
    @inlinable
    public init(_ blocks: some Sequence<SACKBlock>) {
        let empty = SACKBlock(left: 0, right: 0)
        storage = (empty, empty, empty, empty)
        var count = 0
        for block in blocks where count < Self.capacity {
            Self.set(&storage, count, block)
            count += 1
        }
        self.count = count
    }

    @inlinable
    static func set(_ storage: inout (SACKBlock, SACKBlock, SACKBlock, SACKBlock), _ index: Int, _ block: SACKBlock) {
        switch index {
        case 0: storage.0 = block
        case 1: storage.1 = block
        case 2: storage.2 = block
        default: storage.3 = block
        }
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable
    public subscript(position: Int) -> SACKBlock {
        precondition(position >= 0 && position < count, "SACK block index out of range")
        switch position {
        case 0: return storage.0
        case 1: return storage.1
        case 2: return storage.2
        default: return storage.3
        }
    }

    @inlinable
    public static func == (lhs: SACKBlocks, rhs: SACKBlocks) -> Bool {
        lhs.elementsEqual(rhs)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for block in self { hasher.combine(block) }
    }
}

extension SACKBlocks {
    /// Reads `count` (≤ 4) blocks of two big-endian words starting at `offset`; the
    /// caller has checked that they are present.
    @inlinable
    init(reading bytes: UnsafeRawBufferPointer, at offset: Int, count: Int) {
        let empty = SACKBlock(left: 0, right: 0)
        storage = (empty, empty, empty, empty)
        self.count = Swift.min(count, Self.capacity)
        for index in 0..<self.count {
            let start = offset + index * 8
            Self.set(&storage, index, SACKBlock(left: bytes.u32(at: start), right: bytes.u32(at: start + 4)))
        }
    }
}
