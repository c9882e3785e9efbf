import LVSTestSupport

/// A hand-made pcapng file with the structures no corpus capture has, and what reading
/// it must give.
enum PcapngEdgeFile {
    static var bytes: [UInt8] {
        var file = PcapngBuilder()
        // Section 0, little-endian.
        file.sectionHeader(littleEndian: true)
        // Interface 0: Ethernet, snaplen 0 (no limit), if_name "eth0", if_tsresol 9 (ns).
        file.interface(linkType: 1, snaplen: 0, name: "eth0", tsresol: 9)
        // Interface 1: LINUX_SLL2, snaplen 128, if_name "any", if_tsresol 0x94 (2^-20 s),
        // if_tsoffset 1,600,000,000 s.
        file.interface(linkType: 276, snaplen: 128, name: "any", tsresol: 0x80 | 20, tsoffset: 1_600_000_000)
        // NRB (4): record type 1 (IPv4), length 6: 192.0.2.1 "a\0"; end record. Skipped.
        file.block(type: 4, body: file.u16(1) + file.u16(6) + PcapngBuilder.padded([192, 0, 2, 1, 0x61, 0])
                   + file.u16(0) + file.u16(0))
        // EPB, interface 0: 1,700,000,000.123456789 s in ns ticks.
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_123_456_789, data: PcapngBuilder.pattern(60, seed: 1))
        // EPB, interface 1: 100.5 s in 2^-20 s ticks (+ offset), 20 of 1000 bytes captured.
        file.enhancedPacket(interface: 1, ticks: 100 << 20 | 1 << 19, data: PcapngBuilder.pattern(20, seed: 2),
                            originalLength: 1000)
        // EPB, interface 1: 200 s + 3 ticks; 3 · 10⁹ / 2²⁰ = 2861.02… ns, truncated to 2861.
        file.enhancedPacket(interface: 1, ticks: 200 << 20 | 3, data: PcapngBuilder.pattern(8, seed: 3))
        // A block of an unassigned type (0x0FFF): skipped by its length.
        file.block(type: 0x0FFF, body: PcapngBuilder.pattern(5, seed: 4))
        // SPB: 50 bytes on interface 0 (no snaplen), no timestamp.
        file.simplePacket(originalLength: 50, data: PcapngBuilder.pattern(50, seed: 5))
        // ISB (5): interface 0, timestamp 0, no options. Skipped.
        file.block(type: 5, body: file.u32(0) + file.u32(0) + file.u32(0))
        // Section 1, big-endian; its interface ids restart at 0.
        file.sectionHeader(littleEndian: false)
        // Interface 2 (id 0 here): LINKTYPE_RAW, snaplen 64, default µs ticks, if_tsoffset -10 s.
        file.interface(linkType: 101, snaplen: 64, tsoffset: -10)
        // EPB, id 0: 1,700,000,010.654321 s in µs, -10 s.
        file.enhancedPacket(interface: 0, ticks: 1_700_000_010_654_321, data: PcapngBuilder.pattern(40, seed: 6))
        // SPB: original 100 bytes, 64 present (the interface's snaplen).
        file.simplePacket(originalLength: 100, data: PcapngBuilder.pattern(64, seed: 7))
        // Obsolete PB, id 0: 1,700,000,011 s in µs, -10 s.
        file.obsoletePacket(interface: 0, ticks: 1_700_000_011_000_000, data: PcapngBuilder.pattern(28, seed: 8))
        return file.bytes
    }

    /// What the reader must report, frame by frame: time, captured, original, link type,
    /// interface, first byte. SPB frames have no timestamp: 0 plus the interface's
    /// `if_tsoffset`, as libpcap reads them.
    static let frames: [(time: String, captured: Int, original: Int, linkType: UInt32, interface: Int, seed: UInt8)] = [
        ("1700000000.123456789", 60, 60, 1, 0, 1),
        ("1600000100.500000000", 20, 1000, 276, 1, 2),
        ("1600000200.000002861", 8, 8, 276, 1, 3),
        ("0.000000000", 50, 50, 1, 0, 5),
        ("1700000000.654321000", 40, 40, 101, 2, 6),
        ("-10.000000000", 64, 100, 101, 2, 7),
        ("1700000001.000000000", 28, 28, 101, 2, 8),
    ]
}
