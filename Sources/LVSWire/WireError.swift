/// Why a buffer could not be read as the protocol it claims to be.
///
/// Carries the layer, the byte offset within that layer's buffer where the problem was
/// found, and the reason with the numbers involved, so that a report can say exactly
/// what was wrong and where. The decoder adds the layer's offset within the frame.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Fewer bytes than the fixed part of the header (or a length field) requires.
        case truncated(needed: Int, available: Int)
        /// A version field holds a value this protocol does not define.
        case badVersion(UInt8)
        /// A header-length field is below the minimum or points past the buffer.
        case badHeaderLength(Int)
        /// A total-length field disagrees with the header it encloses.
        case badTotalLength(Int)
        /// An option or extension header whose length field is impossible.
        case badOptionLength(kind: UInt8, length: Int)
        /// A field combination the protocol forbids (named for the report). A static
        /// string keeps the error — and every decoded packet that holds one — free of
        /// reference counting, so packets copy as plain bytes.
        case invalidField(StaticString)

        public static func == (lhs: Reason, rhs: Reason) -> Bool {
            switch (lhs, rhs) {
            case let (.truncated(a, b), .truncated(c, d)): a == c && b == d
            case let (.badVersion(a), .badVersion(b)): a == b
            case let (.badHeaderLength(a), .badHeaderLength(b)): a == b
            case let (.badTotalLength(a), .badTotalLength(b)): a == b
            case let (.badOptionLength(k1, l1), .badOptionLength(k2, l2)): k1 == k2 && l1 == l2
            case let (.invalidField(a), .invalidField(b)): a.description == b.description
            default: false
            }
        }

        public func hash(into hasher: inout Hasher) {
            switch self {
            case let .truncated(needed, available): hasher.combine(0); hasher.combine(needed); hasher.combine(available)
            case let .badVersion(version): hasher.combine(1); hasher.combine(version)
            case let .badHeaderLength(length): hasher.combine(2); hasher.combine(length)
            case let .badTotalLength(length): hasher.combine(3); hasher.combine(length)
            case let .badOptionLength(kind, length): hasher.combine(4); hasher.combine(kind); hasher.combine(length)
            case let .invalidField(name): hasher.combine(5); hasher.combine(name.description)
            }
        }
    }

    public var layer: Layer
    /// Byte offset of the problem. Views report it relative to their own buffer; the
    /// decoder rebases it to the start of the frame.
    public var offset: Int
    public var reason: Reason

    @inlinable
    public init(_ layer: Layer, at offset: Int, _ reason: Reason) {
        self.layer = layer
        self.offset = offset
        self.reason = reason
    }

    /// True when the buffer simply ended too early; with snaplen truncation this is a
    /// capture artifact rather than a malformed packet.
    @inlinable
    public var isTruncation: Bool {
        if case .truncated = reason { return true }
        return false
    }

    public var description: String {
        let what: String
        switch reason {
        case let .truncated(needed, available): what = "truncated: needs \(needed) bytes, has \(available)"
        case let .badVersion(v): what = "bad version \(v)"
        case let .badHeaderLength(l): what = "bad header length \(l)"
        case let .badTotalLength(l): what = "bad total length \(l)"
        case let .badOptionLength(kind, length): what = "bad length \(length) of option \(kind)"
        case let .invalidField(name): what = "invalid \(name)"
        }
        return "\(layer.name) \(what) at offset \(offset)"
    }
}

extension WireError {
    /// Throws `.truncated` unless `buffer` holds at least `needed` bytes.
    @inlinable @inline(__always)
    public static func require(_ needed: Int, in buffer: UnsafeRawBufferPointer, layer: Layer,
                               at offset: Int = 0) throws(WireError) {
        if buffer.count < needed {
            throw WireError(layer, at: offset, .truncated(needed: needed, available: buffer.count))
        }
    }
}
