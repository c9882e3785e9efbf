/// Iteration over TCP option bytes without allocation: a `Sequence` that is its own
/// iterator, yielding `TCPOption`s.
///
/// Iteration ends at end-of-list, at the end of the bytes, or at the first malformed
/// option: a length byte that is missing, below 2, or runs past the option space.
/// Malformation never traps; it is reported by `malformedOffset` (walks from the start,
/// whatever this value's position). A TOA kind with a length other than 8 or 20 is
/// yielded as `.unknown` and reported by `malformedTOAOffset`.
public struct TCPOptions: Sequence, IteratorProtocol {
    /// The option bytes (the TCP header from offset 20 to the data offset).
    public let bytes: UnsafeRawBufferPointer
    @usableFromInline var nextOffset: Int
    @usableFromInline var lastOffset: Int
    @usableFromInline var stoppedAt: Int?
    @usableFromInline var badTOAAt: Int?
    @usableFromInline var ended: Bool

    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        nextOffset = 0
        lastOffset = 0
        stoppedAt = nil
        badTOAAt = nil
        ended = false
    }

    /// Offset of the next option to decode.
    @inlinable public var position: Int { nextOffset }
    /// Offset of the option last returned by `next()`.
    @inlinable public var currentOffset: Int { lastOffset }

    @inlinable
    public mutating func next() -> TCPOption? {
        guard !ended, nextOffset < bytes.count else { return nil }
        let start = nextOffset
        lastOffset = start
        let kind = bytes.u8(at: start)
        switch kind {
        case TCPOption.Kind.endOfList:
            ended = true
            return .endOfList
        case TCPOption.Kind.noOperation:
            nextOffset += 1
            return .noOperation
        default:
            guard start + 1 < bytes.count else { return stop(at: start) }
            let length = Int(bytes.u8(at: start + 1))
            guard length >= 2, start + length <= bytes.count else { return stop(at: start) }
            nextOffset = start + length
            return decode(kind: kind, length: length, at: start)
        }
    }

    @inlinable
    mutating func stop(at offset: Int) -> TCPOption? {
        stoppedAt = offset
        ended = true
        return nil
    }

    @inlinable
    mutating func decode(kind: UInt8, length: Int, at start: Int) -> TCPOption {
        let data = start + 2
        switch (kind, length) {
        case (TCPOption.Kind.maximumSegmentSize, 4): return .maximumSegmentSize(bytes.u16(at: data))
        case (TCPOption.Kind.windowScale, 3): return .windowScale(bytes.u8(at: data))
        case (TCPOption.Kind.sackPermitted, 2): return .sackPermitted
        case (TCPOption.Kind.sack, 10), (TCPOption.Kind.sack, 18), (TCPOption.Kind.sack, 26), (TCPOption.Kind.sack, 34):
            return .sack(SACKBlocks(reading: bytes, at: data, count: (length - 2) / 8))
        case (TCPOption.Kind.timestamps, 10):
            return .timestamps(value: bytes.u32(at: data), echo: bytes.u32(at: data + 4))
        case (_, Int(TOAOption.ipv4Length)) where TOAOption.isTOAKind(kind):
            let address = IPAddress.v4(IPv4Address(reading: bytes, at: data + 2))
            return .clientAddress(TOAOption(kind: kind, port: bytes.u16(at: data), address: address))
        case (_, Int(TOAOption.ipv6Length)) where TOAOption.isTOAKind(kind):
            let address = IPAddress.v6(IPv6Address(reading: bytes, at: data + 2))
            return .clientAddress(TOAOption(kind: kind, port: bytes.u16(at: data), address: address))
        default:
            if TOAOption.isTOAKind(kind), badTOAAt == nil { badTOAAt = start }
            return .unknown(kind: kind, length: UInt8(length))
        }
    }

    /// The bytes of the option last returned by `next()` (kind and length included).
    @inlinable public var currentOption: UnsafeRawBufferPointer {
        let length = nextOffset > lastOffset ? nextOffset - lastOffset : 1
        return bytes.slice(from: lastOffset, length: length)
    }

    /// A fresh iteration from the first option, run to its end.
    @inlinable var walkedToEnd: TCPOptions {
        var walker = TCPOptions(bytes)
        while walker.next() != nil {}
        return walker
    }

    /// Offset of the option whose length made iteration stop, or `nil` when the list is
    /// well formed.
    @inlinable public var malformedOffset: Int? { walkedToEnd.stoppedAt }

    /// After iterating this value to its end: whether a malformed option stopped it and
    /// whether a TOA kind had an impossible length — without walking the bytes again.
    @inlinable public var stoppedAtMalformedOption: Bool { stoppedAt != nil }
    @inlinable public var sawMalformedTOA: Bool { badTOAAt != nil }
    @inlinable public var isMalformed: Bool { malformedOffset != nil }

    /// Offset of the first TOA-kind option whose length is neither 8 nor 20.
    @inlinable public var malformedTOAOffset: Int? { walkedToEnd.badTOAAt }
    @inlinable public var hasMalformedTOA: Bool { malformedTOAOffset != nil }
}

extension TCPOptions {
    @inlinable public var maximumSegmentSize: UInt16? {
        for case let .maximumSegmentSize(mss) in TCPOptions(bytes) { return mss }
        return nil
    }

    @inlinable public var windowScale: UInt8? {
        for case let .windowScale(shift) in TCPOptions(bytes) { return shift }
        return nil
    }

    @inlinable public var isSACKPermitted: Bool {
        for case .sackPermitted in TCPOptions(bytes) { return true }
        return false
    }

    @inlinable public var sackBlocks: SACKBlocks? {
        for case let .sack(blocks) in TCPOptions(bytes) { return blocks }
        return nil
    }

    @inlinable public var timestamps: (value: UInt32, echo: UInt32)? {
        for case let .timestamps(value, echo) in TCPOptions(bytes) { return (value, echo) }
        return nil
    }

    /// The first TOA option (any of the four kinds), if present and well formed.
    @inlinable public var clientAddress: TOAOption? {
        for case let .clientAddress(toa) in TCPOptions(bytes) { return toa }
        return nil
    }
}
