import Foundation
import LVSCapture
import LVSTestSupport
import LVSWire
import Testing

/// pcapng through the block reader: the mixed Ethernet + SLL2 file libpcap refuses,
/// hand-made edge cases, and a differential check against libpcap on every single-
/// interface pcapng of the tcpdump test corpus.
@Suite struct PcapngBlockReaderTests {
    /// `tshark -r lvs-mixed-eth-sll2.pcapng -T fields -e frame.number -e frame.time_epoch
    ///  -e frame.len -e frame.cap_len -e frame.interface_id` (tshark 4.0.17), selected lines.
    static let mixedFrames: [TsharkFrame] = [
        .init(1, "1700000000.000000000", 66, 66, interface: 1),
        .init(2, "1700000000.000000000", 60, 60, interface: 0),
        .init(3, "1700000000.000090000", 66, 66, interface: 1),
        .init(4, "1700000000.000090000", 60, 60, interface: 0),
        .init(100, "1700000000.110306000", 600, 600, interface: 0),
        .init(777, "1700000001.433365000", 424, 424, interface: 1),
        .init(1000, "1700000001.560230000", 80, 80, interface: 1),
        .init(1496, "1700000002.277464000", 1228, 1228, interface: 0),
        .init(1497, "1700000002.277479000", 1234, 1234, interface: 1),
    ]

    @Test("the mixed Ethernet + SLL2 pcapng yields all 1,497 packets with their interfaces")
    func mixedFile() throws {
        let result = try readAll(try fixture("lvs-mixed-eth-sll2.pcapng"))
        #expect(result.info.backend == .pcapngBlockReader && result.info.format == .pcapng)
        #expect(result.info.byteOrder == .littleEndian)
        #expect(result.info.interfaces == [
            CaptureInterface(index: 0, linkType: .ethernet, snaplen: 262_144),
            CaptureInterface(index: 1, linkType: .linuxSLL2, snaplen: 262_144),
        ])
        #expect(result.summary == CaptureReadSummary(packets: 1497, truncatedTail: false, stopped: false))
        for frame in Self.mixedFrames {
            #expect(frame.matches(result.records[frame.number - 1]), "\(frame): \(result.records[frame.number - 1])")
        }
        // tshark: 747 frames on interface 0, 750 on 1; frame.len and frame.cap_len sum to 441835.
        #expect(result.records.filter { $0.interfaceIndex == 0 }.count == 747)
        #expect(result.records.filter { $0.interfaceIndex == 1 }.count == 750)
        #expect(result.records.reduce(0) { $0 + $1.originalLength } == 441_835)
        #expect(result.records.reduce(0) { $0 + $1.capturedLength } == 441_835)
        #expect(result.records.allSatisfy { $0.linkType == ($0.interfaceIndex == 0 ? .ethernet : .linuxSLL2) })
    }

    @Test("each interface of the mixed file carries exactly the packets of its source file")
    func mixedFileInterfacesMatchSources() throws {
        // The file is `mergecap lvs-vip.pcap lvs-nat-sll2.pcap` (corpus README).
        let sources = [try readAll(try fixture("lvs-vip.pcap")), try readAll(try fixture("lvs-nat-sll2.pcap"))]
        let reader = try PcapngBlockReader(path: try fixture("lvs-mixed-eth-sll2.pcapng"))
        var perInterface: [[PacketRecord]] = [[], []]
        var sums: [UInt64] = [0, 0]
        try reader.forEachPacket { record, bytes in
            perInterface[record.interfaceIndex].append(record)
            sums[record.interfaceIndex] &+= checksum(bytes)
            return .continue
        }
        for (index, source) in sources.enumerated() {
            let stripped = perInterface[index].map { [$0.timestamp, $0.capturedLength, $0.originalLength] as [AnyHashable] }
            let expected = source.records.map { [$0.timestamp, $0.capturedLength, $0.originalLength] as [AnyHashable] }
            #expect(stripped == expected, "interface \(index)")
            #expect(sums[index] == source.byteSum, "interface \(index)")
        }
    }

    @Test("libpcap and the block reader agree on every single-interface pcapng of the tcpdump corpus")
    func agreesWithLibpcap() throws {
        let files = try FixturePaths.corpusFiles(in: "tcpdump-tests", extensions: ["pcapng"])
        #expect(files.count == 45)
        for file in files {
            let viaLibpcap = try readAll(file, acceptingUnsupportedLinkTypes: true)
            #expect(viaLibpcap.info.backend == .libpcap, "\(file)")
            let blocks = try PcapngBlockReader(path: file, acceptingUnsupportedLinkTypes: true)
            var records: [PacketRecord] = []
            var sum: UInt64 = 0
            let summary = try blocks.forEachPacket { record, bytes in
                records.append(record)
                sum &+= checksum(bytes)
                return .continue
            }
            #expect(records == viaLibpcap.records, "\(file)")
            #expect(sum == viaLibpcap.byteSum && summary == viaLibpcap.summary, "\(file)")
            #expect(blocks.interfaces == viaLibpcap.info.interfaces, "\(file)")
        }
    }

    @Test("hand-made edge cases: byte orders, sections, tsresol powers of 2, tsoffset, SPB, PB, skipped blocks")
    func edgeFile() throws {
        let directory = try TemporaryDirectory()
        let path = try write(PcapngEdgeFile.bytes, to: "edge.pcapng", in: directory)
        let reader = try CaptureReader(path: path)
        var records: [PacketRecord] = []
        var firstBytes: [UInt8?] = []
        try reader.forEachPacket { record, bytes in
            records.append(record)
            firstBytes.append(bytes.first)
            #expect(bytes.count == record.capturedLength)
            return .continue
        }
        let expected = PcapngEdgeFile.frames
        #expect(records.count == expected.count)
        for (index, (record, frame)) in zip(records, expected).enumerated() {
            #expect(record.frameNumber == index + 1 && record.timestamp == epoch(frame.time), "frame \(index + 1)")
            #expect(record.capturedLength == frame.captured && record.originalLength == frame.original)
            #expect(record.linkType.rawValue == frame.linkType && record.interfaceIndex == frame.interface)
            #expect(firstBytes[index] == frame.seed, "frame \(index + 1)")
        }
        #expect(reader.info.backend == .pcapngBlockReader && reader.info.byteOrder == .littleEndian)
        #expect(reader.info.interfaces == [
            CaptureInterface(index: 0, linkType: .ethernet, snaplen: 0, name: "eth0", timestampResolution: .nanoseconds),
            CaptureInterface(index: 1, linkType: .linuxSLL2, snaplen: 128, name: "any",
                             timestampResolution: .binary(exponent: 20), timestampOffsetSeconds: 1_600_000_000),
            CaptureInterface(index: 2, linkType: .raw, snaplen: 64, timestampOffsetSeconds: -10, section: 1),
        ])
        try crossCheckWithTshark(path, records)
    }

    /// SHB, Ethernet IDB, EPB, then an IDB of `laterLinkType` and EPBs on both interfaces.
    private func lateInterfaceFile(laterLinkType: UInt16) -> [UInt8] {
        var file = PcapngBuilder()
        file.sectionHeader(littleEndian: true)
        file.interface(linkType: 1, snaplen: 65535, name: "eth0")
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_000_000, data: PcapngBuilder.pattern(60, seed: 1))
        file.interface(linkType: laterLinkType, snaplen: 65535, name: "any")
        file.enhancedPacket(interface: 1, ticks: 1_700_000_000_000_001, data: PcapngBuilder.pattern(40, seed: 2))
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_000_002, data: PcapngBuilder.pattern(60, seed: 3))
        return file.bytes
    }

    @Test("an interface of another link type after the first packet: libpcap hands over mid-file")
    func lateInterface() throws {
        let directory = try TemporaryDirectory()
        let reader = try CaptureReader(path: try write(lateInterfaceFile(laterLinkType: 276), to: "late.pcapng", in: directory))
        #expect(reader.info.backend == .libpcap && reader.info.interfaces.count == 1)
        var seen: [(Int, Int, LinkType, UInt8?)] = []
        try reader.forEachPacket { record, bytes in
            seen.append((record.frameNumber, record.interfaceIndex, record.linkType, bytes.first))
            return .continue
        }
        #expect(seen.map(\.0) == [1, 2, 3] && seen.map(\.1) == [0, 1, 0] && seen.map(\.3) == [1, 2, 3])
        #expect(seen.map(\.2) == [.ethernet, .linuxSLL2, .ethernet])
        #expect(reader.info.interfaces.map(\.name) == ["eth0", "any"])
        #expect(reader.info.backend == .pcapngBlockReader)
        // The same file with a radiotap (127) interface: refused when reached.
        let refused = try CaptureReader(path: try write(lateInterfaceFile(laterLinkType: 127), to: "r.pcapng", in: directory))
        #expect(throws: CaptureError(path: refused.path, .unsupportedLinkType(
            LinkType(rawValue: 127), name: "IEEE802_11_RADIO", interface: 1))) {
            try refused.forEachPacket { _, _ in .continue }
        }
        #expect(refused.packetsRead == 1)
    }

    /// An SPB has no time; libpcap adds the interface's `if_tsoffset` to its 0.
    @Test("a Simple Packet Block's time is the interface's offset, through libpcap and the block reader")
    func simplePacketOffset() throws {
        let directory = try TemporaryDirectory()
        var times: [[Timestamp]] = []
        for interfaces in [1, 2] {
            var file = PcapngBuilder()
            file.sectionHeader(littleEndian: true)
            for _ in 0..<interfaces { file.interface(linkType: 1, snaplen: 65535, tsoffset: -95) }
            file.simplePacket(originalLength: 60, data: PcapngBuilder.pattern(60, seed: 1))
            let result = try readAll(try write(file.bytes, to: "spb\(interfaces).pcapng", in: directory))
            #expect(result.info.backend == (interfaces == 1 ? .libpcap : .pcapngBlockReader))
            times.append(result.records.map(\.timestamp))
        }
        #expect(times == [[Timestamp(rawValue: -95_000_000_000)], [Timestamp(rawValue: -95_000_000_000)]])
    }

    /// libpcap's conversion of a binary resolution's fraction overflows from 2^-35 on;
    /// such a file goes through the block reader, which is exact.
    @Test("binary time resolutions down to 2^-63 s give exact times", arguments: [20, 34, 35, 40, 48, 63])
    func binaryResolutions(exponent: Int) throws {
        let directory = try TemporaryDirectory()
        var file = PcapngBuilder()
        file.sectionHeader(littleEndian: true)
        file.interface(linkType: 1, snaplen: 65535, tsresol: 0x80 | UInt8(exponent))
        // 1000.75 s in 2^-exponent ticks (for 63, 1.75 s: 1000 s does not fit 64 bits).
        let seconds: UInt64 = exponent == 63 ? 1 : 1000
        let ticks = seconds << UInt64(exponent) | 3 << UInt64(exponent - 2)
        file.enhancedPacket(interface: 0, ticks: ticks, data: PcapngBuilder.pattern(60, seed: 1))
        let result = try readAll(try write(file.bytes, to: "b2.pcapng", in: directory))
        #expect(result.records.map(\.timestamp) == [epoch("\(seconds).750000000")])
    }

    @Test("packet times outside 1823-2116 are an error naming the frame, through libpcap and the block reader")
    func timesOutOfRange() throws {
        let directory = try TemporaryDirectory()
        // One interface (libpcap reads it) counting whole seconds: 1.7e18 ticks is 1.7e18 s.
        var seconds = PcapngBuilder()
        seconds.sectionHeader(littleEndian: true)
        seconds.interface(linkType: 1, snaplen: 65535, tsresol: 0x80)
        seconds.enhancedPacket(interface: 0, ticks: 1_600_000_000, data: PcapngBuilder.pattern(60, seed: 1))
        seconds.enhancedPacket(interface: 0, ticks: 1_700_000_000_000_000_000, data: PcapngBuilder.pattern(60, seed: 2))
        let viaLibpcap = try CaptureReader(path: try write(seconds.bytes, to: "s.pcapng", in: directory))
        #expect(viaLibpcap.info.backend == .libpcap)
        #expect(throws: CaptureError(path: viaLibpcap.path, .timestampOutOfRange(frame: 2))) {
            try viaLibpcap.forEachPacket { _, _ in .continue }
        }
        // Two link types (the block reader reads it): nanoseconds in 2115 on the first; on
        // the second (microseconds), if_tsoffset moves a 2023 time to 1884, then to 1802.
        for (offset, valid) in [(-4_400_000_000 as Int64, true), (-7_000_000_000, false)] {
            var offsets = PcapngBuilder()
            offsets.sectionHeader(littleEndian: true)
            offsets.interface(linkType: 1, snaplen: 65535, tsresol: 9)
            offsets.interface(linkType: 276, snaplen: 65535, tsoffset: offset)
            let late: UInt64 = 4_600_000_000_000_000_000
            offsets.enhancedPacket(interface: 0, ticks: late, data: PcapngBuilder.pattern(60, seed: 1))
            offsets.enhancedPacket(interface: 1, ticks: 1_700_000_000_000_000, data: PcapngBuilder.pattern(40, seed: 2))
            let path = try write(offsets.bytes, to: "o\(offset).pcapng", in: directory)
            if valid {
                let result = try readAll(path)
                #expect(result.info.backend == .pcapngBlockReader)
                #expect(result.records.map(\.timestamp.rawValue) == [Int64(late), -2_700_000_000_000_000_000])
            } else {
                let reader = try CaptureReader(path: path)
                #expect(throws: CaptureError(path: path, .timestampOutOfRange(frame: 2))) {
                    try reader.forEachPacket { _, _ in .continue }
                }
            }
        }
    }

    @Test("a pcapng with a section header only has no packets and no error")
    func sectionHeaderOnly() throws {
        let directory = try TemporaryDirectory()
        var file = PcapngBuilder()
        file.sectionHeader(littleEndian: false)
        let result = try readAll(try write(file.bytes, to: "shb.pcapng", in: directory))
        #expect(result.records.isEmpty && result.info.interfaces.isEmpty && result.info.byteOrder == .bigEndian)
        #expect(result.summary == CaptureReadSummary(packets: 0, truncatedTail: false, stopped: false))
    }

    /// Where tshark is installed, its reading of the hand-made file must agree. tshark
    /// 4.0.17 gives the values of `PcapngEdgeFile.frames`, except that it prints no time
    /// for SPB frames (we say 0, as libpcap) and numbers interfaces per section (the
    /// second section's interface is its 0; we number across sections: 2).
    private func crossCheckWithTshark(_ path: String, _ records: [PacketRecord]) throws {
        guard let output = try runTool("tshark", ["-r", path, "-T", "fields", "-e", "frame.time_epoch",
                                                  "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.interface_id"])
        else { return }
        let lines = output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(lines.count == records.count)
        for (line, record) in zip(lines, records) where line.count == 4 {
            // tshark shows no time for an SPB, which has none.
            if !line[0].isEmpty { #expect(epoch(String(line[0])) == record.timestamp, "\(record)") }
            #expect(Int(line[1]) == record.originalLength, "\(record)")
            #expect(Int(line[2]) == record.capturedLength, "\(record)")
            let sectionLocal = record.interfaceIndex >= 2 ? record.interfaceIndex - 2 : record.interfaceIndex
            #expect(Int(line[3]) == sectionLocal, "\(record)")
        }
    }
}
