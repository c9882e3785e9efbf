import Testing
import LVSWire

@Suite struct IncrementalChecksumTests {
    /// A random even-length "packet" whose 16-bit checksum field sits at offset 10.
    struct Packet {
        var bytes: [UInt8]
        static let field = 10

        var storedChecksum: UInt16 { UInt16(bytes[Self.field]) << 8 | UInt16(bytes[Self.field + 1]) }

        /// Recomputes the checksum from scratch and stores it.
        mutating func recompute() -> UInt16 {
            bytes[Self.field] = 0
            bytes[Self.field + 1] = 0
            let checksum = bytes.withUnsafeBytes { InternetChecksum.checksum(of: $0) }
            bytes[Self.field] = UInt8(checksum >> 8)
            bytes[Self.field + 1] = UInt8(checksum & 0xFF)
            return checksum
        }

        func word(at offset: Int) -> UInt16 { UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1]) }

        mutating func setWord(_ value: UInt16, at offset: Int) {
            bytes[offset] = UInt8(value >> 8)
            bytes[offset + 1] = UInt8(value & 0xFF)
        }

        /// The ones' complement sum of every word except the checksum and `excluded`.
        func sum(excluding excluded: Range<Int>) -> UInt16 {
            var sum = InternetChecksum()
            for offset in stride(from: 0, to: bytes.count, by: 2)
            where offset != Self.field && !excluded.contains(offset) {
                sum.add(word(at: offset))
            }
            return sum.folded
        }
    }

    static func randomPacket(_ generator: inout SeededGenerator) -> Packet {
        let count = 2 * Int.random(in: 20...40, using: &generator)
        var packet = Packet(bytes: (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
        _ = packet.recompute()
        return packet
    }

    /// An even offset for a field of `width` bytes that does not overlap the checksum.
    static func offset(width: Int, in packet: Packet, _ generator: inout SeededGenerator) -> Int {
        while true {
            let offset = 2 * Int.random(in: 0...((packet.bytes.count - width) / 2), using: &generator)
            if offset + width <= Packet.field || offset >= Packet.field + 2 { return offset }
        }
    }

    @Test func matchesRFC1624Example() {
        // RFC 1624 §4: m = 0x5555 becomes 0x3285 with HC = 0xDD2F; eqn. 3 gives 0x0000
        // where RFC 1141's eqn. 2 gave 0xFFFF.
        #expect(InternetChecksum.adjust(0xDD2F, old: UInt16(0x5555), new: UInt16(0x3285)) == 0x0000)
    }

    @Test func equalsFullRecomputeFor16BitEdits() {
        var generator = SeededGenerator(seed: 1624)
        for round in 0..<2000 {
            var packet = Self.randomPacket(&generator)
            let offset = Self.offset(width: 2, in: packet, &generator)
            let old = packet.word(at: offset)
            let new: UInt16
            switch round % 5 {
            case 0:  // make the new checksum 0x0000: the other words sum to 0xFFFF
                new = 0xFFFF - packet.sum(excluding: offset..<(offset + 2))
            case 1: new = 0x0000
            case 2: new = 0xFFFF
            case 3: new = old  // no change
            default: new = UInt16.random(in: 0...0xFFFF, using: &generator)
            }
            let adjusted = InternetChecksum.adjust(packet.storedChecksum, old: old, new: new)
            packet.setWord(new, at: offset)
            let full = packet.recompute()
            #expect(adjusted == full, "round \(round): old \(old) new \(new)")
            if round % 5 == 0 { #expect(full == 0x0000) }
        }
    }

    @Test func equalsFullRecomputeFor32BitAnd128BitEdits() {
        var generator = SeededGenerator(seed: 4_294_967_296)
        for round in 0..<1000 {
            var packet = Self.randomPacket(&generator)
            let offset = Self.offset(width: 4, in: packet, &generator)
            let old = UInt32(packet.word(at: offset)) << 16 | UInt32(packet.word(at: offset + 2))
            let new = round % 4 == 0 ? 0 : UInt32.random(in: 0...UInt32.max, using: &generator)
            let adjusted = InternetChecksum.adjust(packet.storedChecksum, old: IPv4Address(rawValue: old),
                                                   new: IPv4Address(rawValue: new))
            packet.setWord(UInt16(new >> 16), at: offset)
            packet.setWord(UInt16(new & 0xFFFF), at: offset + 2)
            #expect(adjusted == packet.recompute(), "round \(round)")
        }
        for round in 0..<1000 {
            var packet = Self.randomPacket(&generator)
            let offset = Self.offset(width: 16, in: packet, &generator)
            let old = packet.bytes.withUnsafeBytes { IPv6Address(reading: $0, at: offset) }
            let new = round % 4 == 0
                ? IPv6Address(high: .max, low: .max)
                : IPv6Address(high: generator.next(), low: generator.next())
            let adjusted = InternetChecksum.adjust(packet.storedChecksum, old: old, new: new)
            packet.bytes.withUnsafeMutableBytes { new.write(into: $0, at: offset) }
            #expect(adjusted == packet.recompute(), "round \(round)")
        }
    }

    @Test func reproducesRealNATRewrite() throws {
        // lvs-nat.pcap frame 7 (client → VIP:80) became frame 8 (client → RIP:8080) with
        // IP id 5 → 6 and TTL 57 → 56; frame 8 carries IP checksum 0xfbd5, TCP 0x5549.
        let vip = IPv4Address(192, 0, 2, 10)
        let rip = IPv4Address(198, 51, 100, 12)
        var ipChecksum = UInt16(0x630C)
        ipChecksum = InternetChecksum.adjust(ipChecksum, old: UInt16(5), new: UInt16(6))
        ipChecksum = InternetChecksum.adjust(ipChecksum, old: UInt16(0x3906), new: UInt16(0x3806))
        ipChecksum = InternetChecksum.adjust(ipChecksum, old: vip, new: rip)
        #expect(ipChecksum == 0xFBD5)
        var tcpChecksum = UInt16(0xDCBE)
        tcpChecksum = InternetChecksum.adjust(tcpChecksum, old: vip, new: rip)
        tcpChecksum = InternetChecksum.adjust(tcpChecksum, old: UInt16(80), new: UInt16(8080))
        #expect(tcpChecksum == 0x5549)
        // The reply (frame 9, RIP:8080 → client) rewritten to VIP:80 (frame 10): id 7 → 8,
        // TTL 64 → 63, checksums 0xf3d4 → 0x5d09 and 0x867a → 0x0df0.
        var replyIP = InternetChecksum.adjust(0xF3D4, old: UInt16(7), new: UInt16(8))
        replyIP = InternetChecksum.adjust(replyIP, old: UInt16(0x4006), new: UInt16(0x3F06))
        replyIP = InternetChecksum.adjust(replyIP, old: rip, new: vip)
        #expect(replyIP == 0x5D09)
        let replyTCP = InternetChecksum.adjust(InternetChecksum.adjust(0x867A, old: rip, new: vip),
                                               old: UInt16(8080), new: UInt16(80))
        #expect(replyTCP == 0x0DF0)
    }

    @Test func keepsUDPZeroRules() {
        #expect(InternetChecksum.adjustUDP(0, old: UInt16(53), new: UInt16(5353)) == 0)
        #expect(InternetChecksum.adjustUDP(0, old: IPv4Address(10, 0, 0, 1), new: IPv4Address(10, 0, 0, 2)) == 0)
        // An update whose result is 0 is sent as 0xFFFF (RFC 768).
        let landsOnZero = InternetChecksum.adjust(0x1234, old: UInt16(0), new: UInt16(0x1234))
        #expect(landsOnZero == 0)
        #expect(InternetChecksum.adjustUDP(0x1234, old: UInt16(0), new: UInt16(0x1234)) == 0xFFFF)
        #expect(InternetChecksum.adjustUDP(0x1234, old: UInt32(0), new: UInt32(0x1234)) == 0xFFFF)
        let v6 = IPv6Address(high: 0, low: 0x1234)
        #expect(InternetChecksum.adjustUDP(0x1234, old: IPv6Address(high: 0, low: 0), new: v6) == 0xFFFF)
    }
}
