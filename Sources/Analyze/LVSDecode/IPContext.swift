/// What the layers above an IP header need from it, small enough to travel in registers.
///
/// The transport decoders used to receive the whole `IPInfo` (about 130 bytes), which went
/// through memory for every frame right after being written; they only need the header's
/// place, its version, its declared payload and whether it is a fragment. The checksum's
/// pseudo-header addresses are read back from the frame at `offset`.
@usableFromInline
struct IPContext {
    /// Offset of the IP header in the frame.
    @usableFromInline var offset: Int
    /// Upper-layer bytes the header declares.
    @usableFromInline var payloadLength: Int
    @usableFromInline var version: UInt8
    @usableFromInline var isFragment: Bool
    /// An IPv6 routing header with segments left: the pseudo-header's destination is the
    /// final one in that header, not the header's (RFC 8200 §8.1), so the checksum is
    /// not verified.
    @usableFromInline var isRoutedOnward: Bool

    @inlinable
    init(offset: Int, payloadLength: Int, version: UInt8, isFragment: Bool, isRoutedOnward: Bool = false) {
        self.offset = offset
        self.payloadLength = payloadLength
        self.version = version
        self.isFragment = isFragment
        self.isRoutedOnward = isRoutedOnward
    }
}
