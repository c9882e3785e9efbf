import Foundation
@testable import LVSCapture
import LVSTestSupport
import LVSWire
import Testing

/// pcapng files libpcap reads whole, but whose blocks between packets change how packets
/// read: an interface or a section declared after the first packet. libpcap returns such
/// packets as interface 0's; `CaptureReader` must notice and hand over to the block reader.
@Suite struct PcapngFollowerTests {
    /// Each frame's interface as tshark numbers it (within its section) and time.
    private func tsharkFrames(_ path: String) throws -> [String]? {
        guard let output = try runTool("tshark", ["-r", path, "-T", "fields",
                                                  "-e", "frame.interface_id", "-e", "frame.time_epoch"])
        else { return nil }
        return output.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t")
            return "\(fields.first ?? "") \(epoch(String(fields.last ?? "")))"
        }
    }

    private func frames(_ result: ReadResult, sectionStarts: [Int] = [0]) -> [String] {
        result.records.map { record in
            let start = sectionStarts.last { $0 <= record.interfaceIndex } ?? 0
            return "\(record.interfaceIndex - start) \(record.timestamp)"
        }
    }

    @Test("an interface of the same link type after the first packet gets its own index and time resolution",
          arguments: [true, false])
    func lateInterfaceOfTheSameType(littleEndian: Bool) throws {
        let directory = try TemporaryDirectory()
        var file = PcapngBuilder()
        file.sectionHeader(littleEndian: littleEndian)
        file.interface(linkType: 1, snaplen: 65535, name: "eth0")
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_000_001, data: PcapngBuilder.pattern(60, seed: 1))
        file.block(type: 4, body: [0, 0, 0, 0]) // an empty Name Resolution Block: not a declaration
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_000_002, data: PcapngBuilder.pattern(61, seed: 2))
        // Nanosecond ticks: libpcap converts them right, only the interface is lost.
        file.interface(linkType: 1, snaplen: 65535, name: "eth1", tsresol: 9)
        file.enhancedPacket(interface: 1, ticks: 1_700_000_000_000_000_003, data: PcapngBuilder.pattern(62, seed: 3))
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_000_004, data: PcapngBuilder.pattern(63, seed: 4))
        let path = try write(file.bytes, to: "late-same.pcapng", in: directory)

        let reader = try CaptureReader(path: path)
        #expect(reader.info.backend == .libpcap && reader.info.interfaces.count == 1)
        var seen: [(frame: Int, interface: Int, first: UInt8?)] = []
        try reader.forEachPacket { record, bytes in
            seen.append((record.frameNumber, record.interfaceIndex, bytes.first))
            return .continue
        }
        #expect(seen.map(\.frame) == [1, 2, 3, 4] && seen.map(\.interface) == [0, 0, 1, 0])
        #expect(seen.map(\.first) == [1, 2, 3, 4])
        #expect(reader.info.backend == .pcapngBlockReader)
        #expect(reader.info.interfaces.map(\.name) == ["eth0", "eth1"])

        let result = try readAll(path)
        #expect(result.records.map(\.timestamp) == [
            epoch("1700000000.000001000"), epoch("1700000000.000002000"),
            epoch("1700000000.000000003"), epoch("1700000000.000004000"),
        ])
        if let tshark = try tsharkFrames(path) { #expect(frames(result) == tshark) }
    }

    /// Two sections of one byte order: libpcap reads on (a second byte order it refuses,
    /// and the block reader takes over from its failure: the last case).
    @Test("a second section after packets starts new interfaces",
          arguments: [(true, true), (false, false), (true, false)])
    func lateSection(firstLittleEndian: Bool, littleEndian: Bool) throws {
        let directory = try TemporaryDirectory()
        var file = PcapngBuilder()
        file.sectionHeader(littleEndian: firstLittleEndian)
        file.interface(linkType: 1, snaplen: 65535)
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_000_001, data: PcapngBuilder.pattern(60, seed: 1))
        file.sectionHeader(littleEndian: littleEndian)
        file.interface(linkType: 1, snaplen: 65535, tsresol: 3)
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_002, data: PcapngBuilder.pattern(60, seed: 2))
        let path = try write(file.bytes, to: "late-section.pcapng", in: directory)

        let result = try readAll(path)
        #expect(result.records.map(\.interfaceIndex) == [0, 1])
        #expect(result.records.map(\.timestamp) == [epoch("1700000000.000001000"), epoch("1700000000.002000000")])
        #expect(result.info.interfaces.map(\.section) == [0, 1])
        if let tshark = try tsharkFrames(path) { #expect(frames(result, sectionStarts: [0, 1]) == tshark) }
    }

    /// Blocks that are not declarations — name resolution, statistics, custom, packet
    /// options, Simple and obsolete Packet Blocks — leave libpcap reading to the end.
    @Test("blocks between packets that declare nothing keep libpcap reading", arguments: [true, false])
    func otherBlocksBetweenPackets(littleEndian: Bool) throws {
        let directory = try TemporaryDirectory()
        var file = PcapngBuilder()
        file.sectionHeader(littleEndian: littleEndian)
        file.block(type: 4, body: [0, 0, 0, 0])
        file.interface(linkType: 1, snaplen: 65535)
        file.block(type: 0x0000_0BAD, body: [0, 0, 0x7E, 0x57, 1, 2, 3])
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_000_001, data: PcapngBuilder.pattern(60, seed: 1))
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_000_002, data: PcapngBuilder.pattern(61, seed: 2),
                            options: file.option(1, Array("a comment".utf8)) + file.option(2, [1, 0, 0, 0]))
        file.block(type: 5, body: [0, 0, 0, 0] + PcapngBuilder.u64(0, littleEndian))
        file.simplePacket(originalLength: 62, data: PcapngBuilder.pattern(62, seed: 3))
        file.obsoletePacket(interface: 0, ticks: 1_700_000_000_000_004, data: PcapngBuilder.pattern(63, seed: 4))
        file.enhancedPacket(interface: 0, ticks: 1_700_000_000_000_005, data: [])
        file.simplePacket(originalLength: 0, data: [])
        file.block(type: 5, body: [0, 0, 0, 0] + PcapngBuilder.u64(0, littleEndian))
        let path = try write(file.bytes, to: "others.pcapng", in: directory)

        let reader = try CaptureReader(path: path)
        var seen: [(interface: Int, length: Int, first: UInt8?)] = []
        try reader.forEachPacket { record, bytes in
            seen.append((record.interfaceIndex, record.capturedLength, bytes.first))
            return .continue
        }
        #expect(seen.map(\.interface) == [0, 0, 0, 0, 0, 0])
        #expect(seen.map(\.length) == [60, 61, 62, 63, 0, 0] && seen.map(\.first) == [1, 2, 3, 4, nil, nil])
        #expect(reader.info.backend == .libpcap)
    }

    /// The follower's view of libpcap's buffer: the block header, in host byte order, sits
    /// before the data.
    @Test("the packet block's length is read back from the header before its data")
    func blockLengthBeforeData() {
        do {
            var file = PcapngBuilder()
            file.littleEndian = 1.littleEndian == 1
            file.enhancedPacket(interface: 0, ticks: 5, data: PcapngBuilder.pattern(13, seed: 1))
            file.simplePacket(originalLength: 13, data: PcapngBuilder.pattern(13, seed: 1))
            file.obsoletePacket(interface: 0, ticks: 5, data: PcapngBuilder.pattern(13, seed: 1))
            file.block(type: 4, body: [UInt8](repeating: 0, count: 28))
            let lengths = file.bytes.withUnsafeBytes { bytes -> [Int] in
                guard let base = bytes.baseAddress else { return [] }
                return [28, 48 + 12, 48 + 32 + 28, 48 + 32 + 48 + 28].map {
                    PcapngFollower.blockLength(before: base + $0)
                }
            }
            #expect(lengths == [48, 32, 48, -1])
        }
    }

    /// Blocks between two packets as large as libpcap's stream buffer: glibc reads them
    /// past the buffer, and the buffer's cursor can end where it was (a shortcut that
    /// trusted it missed these). Then the same with an interface libpcap fails on after it.
    @Test("a late interface block of exactly the stream buffer's size is seen", arguments: [false, true])
    func lateInterfaceOfTheBufferSize(thenFailure: Bool) throws {
        let directory = try TemporaryDirectory()
        var file = PcapngBuilder()
        file.sectionHeader(littleEndian: true)
        file.interface(linkType: 1, snaplen: 65535, name: "eth0")
        file.enhancedPacket(interface: 0, ticks: 1_000_001, data: PcapngBuilder.pattern(60, seed: 1))
        // A custom block, then the late IDB (32 bytes): together exactly the buffer's size.
        let before = file.bytes.count
        file.block(type: 0x0000_0BAD, body: [UInt8](repeating: 7, count: LibpcapReadHandle.streamBufferSize - 32 - 12))
        file.interface(linkType: 1, snaplen: 65535, name: "eth1")
        #expect(file.bytes.count - before == LibpcapReadHandle.streamBufferSize)
        file.enhancedPacket(interface: 1, ticks: 1_000_002, data: PcapngBuilder.pattern(60, seed: 2))
        if thenFailure { file.interface(linkType: 101, snaplen: 65535) }
        file.enhancedPacket(interface: thenFailure ? 2 : 0, ticks: 1_000_003, data: PcapngBuilder.pattern(60, seed: 3))
        let path = try write(file.bytes, to: "big-idb.pcapng", in: directory)

        let result = try readAll(path)
        #expect(result.records.map(\.interfaceIndex) == [0, 1, thenFailure ? 2 : 0])
        #expect(result.records.map(\.frameNumber) == [1, 2, 3])
        #expect(result.info.interfaces.map(\.name) == (thenFailure ? ["eth0", "eth1", nil] : ["eth0", "eth1"]))
    }
}
