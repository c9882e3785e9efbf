/// The result of verifying a checksum over captured bytes.
///
/// Capture artifacts are kept apart from real errors: `.notVerifiable` when snaplen cut
/// the covered bytes, `.zero` for a UDP/IPv4 datagram sent without a checksum, and
/// `.partial` for the value Linux leaves in a TCP or UDP header under checksum offload
/// (CHECKSUM_PARTIAL): the folded pseudo-header sum, which the NIC completes after the
/// capture point. A capture taken on the sending host shows it on every packet sent.
/// Windows large-send offload leaves the same sum computed without the length; both
/// count as `.partial`.
public enum ChecksumStatus: Hashable, Sendable, CustomStringConvertible {
    case good
    /// Wrong; `expected` is the value that would have been correct.
    case bad(expected: UInt16)
    /// UDP over IPv4 with checksum 0: the sender did not compute one (RFC 768).
    case zero
    /// The pseudo-header-only sum of checksum offload (see the type's documentation).
    case partial
    /// Not all covered bytes were captured (or the declared length is impossible).
    case notVerifiable

    @inlinable public var isGood: Bool { self == .good }
    @inlinable public var isBad: Bool {
        if case .bad = self { return true }
        return false
    }
    /// True when the value points at checksum offload on the capturing host.
    @inlinable public var isLikelyOffload: Bool { self == .partial }

    public var description: String {
        switch self {
        case .good: "good"
        case let .bad(expected): "bad (expected 0x" + String(expected, radix: 16).leftPadded(to: 4) + ")"
        case .zero: "zero"
        case .partial: "partial (offload)"
        case .notVerifiable: "not verifiable"
        }
    }
}

extension ChecksumStatus {
    /// Judges a complete sum that includes the checksum field's own value.
    @inlinable
    init(sum: InternetChecksum, field: UInt16) {
        if sum.folded == 0xFFFF {
            self = .good
        } else {
            self = .bad(expected: sum.removing(field).finalize())
        }
    }

    /// The IPv4 header checksum (RFC 791 §3.1), over IHL × 4 bytes.
    @inlinable
    public init(verifyingIPv4Header view: IPv4View) {
        var sum = InternetChecksum()
        if view.headerLength == 20, view.bytes.count >= 20 {
            // The usual header without options: five words, added without the byte loop.
            sum.accumulate(view.bytes.u64(at: 0))
            sum.accumulate(view.bytes.u64(at: 8))
            sum.accumulate(UInt64(view.bytes.u32(at: 16)))
        } else {
            sum.add(bytes: view.header)
        }
        self.init(sum: sum, field: view.headerChecksum)
    }

    /// A checksum with no pseudo-header (ICMPv4, GRE) at `fieldOffset` of `message`,
    /// covering `declaredLength` bytes.
    @inlinable
    public init(verifyingPlain message: UnsafeRawBufferPointer, declaredLength: Int, fieldOffset: Int) {
        guard fieldOffset + 2 <= declaredLength, declaredLength <= message.count else {
            self = .notVerifiable
            return
        }
        var sum = InternetChecksum()
        sum.add(bytes: message.slice(from: 0, length: declaredLength))
        self.init(sum: sum, field: message.u16(at: fieldOffset))
    }

    /// ICMP (RFC 792): the checksum covers the whole message.
    @inlinable
    public init(verifyingICMPv4 message: UnsafeRawBufferPointer, declaredLength: Int) {
        self.init(verifyingPlain: message, declaredLength: declaredLength, fieldOffset: ICMPv4View.Field.checksum)
    }

    /// GRE (RFC 2784 §2.5): only when the C bit is set; `.notVerifiable` otherwise.
    @inlinable
    public init(verifyingGRE view: GREView, declaredLength: Int) {
        guard view.checksumPresent else {
            self = .notVerifiable
            return
        }
        self.init(verifyingPlain: view.bytes, declaredLength: declaredLength, fieldOffset: GREView.Field.checksum)
    }
}
