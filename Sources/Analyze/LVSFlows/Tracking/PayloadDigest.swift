import LVSDecode

/// The cheap payload digest correlation compares: a 64-bit hash of the first 64 payload
/// bytes, folded to 32 bits. Returns nil when fewer of those bytes were captured than the
/// payload has (a snaplen cut), since another point's digest of the whole prefix would
/// differ; 0 is reserved for "none", so a zero hash becomes 1.
///
/// Sixteen bytes a step, each step one 64×64→128-bit multiply of the two words (each
/// xored with a constant or the running state) folded to 64 bits: four dependent
/// multiplies for a full prefix. A mix per eight bytes (two multiplies and shifts each)
/// was a chain three times as long, on the reading thread that sets analyze's pace; and
/// byte by byte, as FNV-1a, it cost 5% of building flows.
enum PayloadDigest {
    static let prefixLength = 64

    /// Odd constants with well-spread bits.
    private static let seed: UInt64 = 0x5899_65CC_7537_4CC3
    private static let first: UInt64 = 0xA076_1D64_78BD_642F
    private static let last: UInt64 = 0xE703_7ED1_A0B4_28DB
    private static let length: UInt64 = 0x8EBC_6AF0_9C88_C6E3

    static func digest(_ frame: UnsafeRawBufferPointer, offset: Int, payloadLength: Int) -> UInt32? {
        let wanted = min(prefixLength, payloadLength)
        guard wanted > 0, offset >= 0, offset + wanted <= frame.count, let base = frame.baseAddress else { return nil }
        let start = base + offset
        var state = seed ^ UInt64(wanted)
        var i = 0
        while i + 16 <= wanted {
            state = FlowKey.fold(start.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ first,
                                 start.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self) ^ state)
            i += 16
        }
        if i < wanted {
            // The last 1 to 15 bytes as two words, padded with zeros (the length, in the
            // state from the start, tells a padded prefix from one that holds zeros).
            var low: UInt64 = 0
            var high: UInt64 = 0
            for k in i..<wanted {
                let byte = UInt64(start.load(fromByteOffset: k, as: UInt8.self))
                if k - i < 8 { low |= byte << (8 * (k - i)) } else { high |= byte << (8 * (k - i - 8)) }
            }
            state = FlowKey.fold(low ^ first, high ^ state)
        }
        let hash = FlowKey.fold(state ^ last, UInt64(wanted) ^ length)
        let folded = UInt32(truncatingIfNeeded: hash ^ hash >> 32)
        return folded == 0 ? 1 : folded
    }
}

extension PayloadDigest {
    /// The digest the tracker keeps of a packet: of the transport payload (TCP, UDP), or
    /// of an ICMP message's body after its 8-byte header; 0 when there is none or its
    /// prefix was not all captured. Made by whoever holds the frame's bytes (`ReadAhead`
    /// while decoding), so that the tracker needs the decoded packet only.
    static func digest(of packet: UnsafePointer<DecodedPacket>, in frame: UnsafeRawBufferPointer) -> UInt32 {
        guard let start = packet.pointee.payloadStart else { return 0 }
        let length: Int
        if let transport = packet.pointee.transportPayloadLength {
            length = transport
        } else if let ip = packet.pointee.innerIPPayloadLength {
            length = max(0, ip - 8)
        } else {
            return 0
        }
        return digest(frame, offset: start, payloadLength: length) ?? 0
    }
}
