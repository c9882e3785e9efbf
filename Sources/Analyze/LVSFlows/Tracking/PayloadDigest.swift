import LVSDecode

/// The cheap payload digest correlation compares: a 64-bit hash of the first 64 payload
/// bytes, eight at a time (`FlowKey.mix`), folded to 32 bits. Returns nil when fewer of
/// those bytes were captured than the payload has (a snaplen cut), since another point's
/// digest of the whole prefix would differ; 0 is reserved for "none", so a zero hash
/// becomes 1. (Byte by byte, as FNV-1a, the chain of multiplies cost 5% of building flows.)
enum PayloadDigest {
    static let prefixLength = 64

    static func digest(_ frame: UnsafeRawBufferPointer, offset: Int, payloadLength: Int) -> UInt32? {
        let wanted = min(prefixLength, payloadLength)
        guard wanted > 0, offset >= 0, offset + wanted <= frame.count, let base = frame.baseAddress else { return nil }
        let start = base + offset
        var hash = FlowKey.mix(0xCBF2_9CE4_8422_2325, UInt64(wanted))
        var i = 0
        while i + 8 <= wanted {
            hash = FlowKey.mix(hash, start.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < wanted {
            var tail: UInt64 = 0
            for k in i..<wanted { tail |= UInt64(start.load(fromByteOffset: k, as: UInt8.self)) << (8 * (k - i)) }
            hash = FlowKey.mix(hash, tail)
        }
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
