/// The fields of an IPv6 fragment header (RFC 8200 §4.5).
public struct IPv6FragmentInfo: Hashable, Sendable {
    /// Offset of this fragment's data in the original packet, in bytes.
    public var offset: Int
    /// The M flag: more fragments follow.
    public var moreFragments: Bool
    public var identification: UInt32

    @inlinable
    public init(offset: Int, moreFragments: Bool, identification: UInt32) {
        self.offset = offset
        self.moreFragments = moreFragments
        self.identification = identification
    }

    /// The first fragment carries the upper-layer header; later ones carry only data.
    @inlinable public var isFirst: Bool { offset == 0 }
    /// An "atomic fragment" (RFC 6946): a fragment header on a packet that is whole.
    @inlinable public var isAtomic: Bool { offset == 0 && !moreFragments }
}
