import LVSDecode

/// The cheap payload digest correlation compares: FNV-1a (32-bit) of the first 64
/// payload bytes. Returns nil when fewer of those bytes were captured than the payload
/// has (a snaplen cut), since another point's digest of the whole prefix would differ;
/// 0 is reserved for "none", so a zero hash becomes 1.
enum PayloadDigest {
    static let prefixLength = 64

    static func digest(_ frame: UnsafeRawBufferPointer, offset: Int, payloadLength: Int) -> UInt32? {
        let wanted = min(prefixLength, payloadLength)
        guard wanted > 0, offset >= 0, offset + wanted <= frame.count else { return nil }
        var hash: UInt32 = 0x811C_9DC5
        for i in offset..<(offset + wanted) {
            hash = (hash ^ UInt32(frame[i])) &* 0x0100_0193
        }
        return hash == 0 ? 1 : hash
    }
}

extension PayloadDigest {
    /// How much of a frame's start the tracker reads: only these digests' prefixes (of the
    /// transport payload, or of an ICMP message's body) look at the bytes themselves; the
    /// rest of what the tracker needs is in the decoded packet. `ReadAhead` keeps just
    /// this much of each frame.
    @inline(__always)
    static func bytesRead(of packet: DecodedPacket) -> Int {
        (packet.payloadStart ?? 0) + prefixLength
    }
}
