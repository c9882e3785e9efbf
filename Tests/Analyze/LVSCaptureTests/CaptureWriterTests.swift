import Foundation
import LVSCapture
import LVSTestSupport
import LVSWire
import Testing

/// Writing pcap through libpcap, checked by reading the result back and, where
/// Wireshark's `capinfos` is installed, by it.
@Suite struct CaptureWriterTests {
    /// Copies every packet of `source` (interface `interface` only, when given) into a new
    /// pcap file and returns its path.
    private func copy(_ source: String, to name: String, in directory: TemporaryDirectory, linkType: LinkType,
                      nanosecond: Bool, snaplen: Int = 262_144, interface: Int? = nil) throws -> String {
        let path = directory.path(name)
        let writer = try CaptureWriter(path: path, linkType: linkType, snaplen: snaplen, nanosecond: nanosecond)
        let reader = try CaptureReader(path: source)
        try reader.forEachPacket { record, bytes in
            if interface == nil || record.interfaceIndex == interface { try writer.write(record, bytes: bytes) }
            return .continue
        }
        try writer.close()
        return path
    }

    /// `capinfos FILE` lines of interest, or nil when capinfos is not installed.
    private func capinfos(_ path: String) throws -> [String: String]? {
        guard let output = try runTool("capinfos", [path]) else { return nil }
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    @Test("a microsecond copy of lvs-nat.pcap reads back identical")
    func microsecondRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let source = try readAll(try fixture("lvs-nat.pcap"))
        let path = try copy(try fixture("lvs-nat.pcap"), to: "copy.pcap", in: directory, linkType: .ethernet, nanosecond: false)
        let copy = try readAll(path)
        #expect(copy.info.format == .pcapMicroseconds && copy.info.linkTypes == [.ethernet] && copy.info.snaplen == 262_144)
        #expect(copy.records == source.records && copy.byteSum == source.byteSum)
        // The same bytes as the source file: libpcap writes the same header and records.
        #expect(try contents(of: path) == contents(of: try fixture("lvs-nat.pcap")))
        if let info = try capinfos(path) {
            #expect(info["Number of packets"] == "750")
            #expect(info["File encapsulation"] == "Ethernet")
            #expect(info["File timestamp precision"] == "microseconds (6)")
        }
    }

    @Test("a nanosecond copy keeps the nanoseconds; a microsecond copy drops them")
    func nanosecondRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let nsecSource = try fixture("lvs-nat-nsec.pcap")
        let source = try readAll(nsecSource)
        let nanoPath = try copy(nsecSource, to: "nano.pcap", in: directory, linkType: .ethernet, nanosecond: true)
        let nano = try readAll(nanoPath)
        #expect(nano.info.format == .pcapNanoseconds)
        #expect(nano.records == source.records && nano.byteSum == source.byteSum)
        #expect(nano.records.allSatisfy { $0.timestamp.nanoseconds % 1000 == 123 })
        if let info = try capinfos(nanoPath) {
            #expect(info["Number of packets"] == "750")
            #expect(info["File timestamp precision"] == "nanoseconds (9)")
            #expect(info["First packet time"] == "2023-11-14 22:13:20.000000123")
        }
        let micro = try readAll(try copy(nsecSource, to: "micro.pcap", in: directory, linkType: .ethernet, nanosecond: false))
        #expect(micro.records == (try readAll(try fixture("lvs-nat.pcap"))).records)
    }

    @Test("a snaplen of 96 cuts packets like lvs-nat-snap96.pcap")
    func snaplen() throws {
        let directory = try TemporaryDirectory()
        let path = try copy(try fixture("lvs-nat.pcap"), to: "snap.pcap", in: directory, linkType: .ethernet,
                            nanosecond: false, snaplen: 96)
        let cut = try readAll(path)
        let expected = try readAll(try fixture("lvs-nat-snap96.pcap"))
        #expect(cut.info.snaplen == 96 && cut.records == expected.records && cut.byteSum == expected.byteSum)
    }

    @Test("one interface of the mixed pcapng written alone equals its source file")
    func interfaceOfMixedFile() throws {
        let directory = try TemporaryDirectory()
        let path = try copy(try fixture("lvs-mixed-eth-sll2.pcapng"), to: "sll2.pcap", in: directory,
                            linkType: .linuxSLL2, nanosecond: false, interface: 1)
        let written = try readAll(path)
        let expected = try readAll(try fixture("lvs-nat-sll2.pcap"))
        #expect(written.records == expected.records && written.byteSum == expected.byteSum)
        if let info = try capinfos(path) {
            #expect(info["Number of packets"] == "750")
            #expect(info["File encapsulation"] == "Linux cooked-mode capture v2")
        }
    }

    @Test("every supported link type is written as its LINKTYPE (the legacy raw numbers as 101)",
          arguments: LinkType.supported)
    func linkTypes(linkType: LinkType) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("empty.pcap")
        let writer = try CaptureWriter(path: path, linkType: linkType)
        let packet: [UInt8] = [0x45, 0, 0, 20]
        try packet.withUnsafeBytes { try writer.write(timestamp: Timestamp(seconds: 1, nanoseconds: 5), bytes: $0) }
        try writer.close()
        let expected = linkType.rawValue == 12 || linkType.rawValue == 14 ? LinkType.raw : linkType
        let result = try readAll(path)
        #expect(result.info.linkTypes == [expected])
        #expect(result.records == [PacketRecord(frameNumber: 1, timestamp: Timestamp(seconds: 1, nanoseconds: 5),
                                                capturedLength: 4, originalLength: 4, linkType: expected,
                                                interfaceIndex: 0)])
    }

    @Test("writer errors are typed")
    func errors() throws {
        let directory = try TemporaryDirectory()
        #expect {
            _ = try CaptureWriter(path: directory.path("missing/dir/x.pcap"), linkType: .ethernet)
        } throws: { error in
            guard let error = error as? CaptureError, case .cannotCreate = error.reason else { return false }
            return error.path.hasSuffix("missing/dir/x.pcap")
        }
        let writer = try CaptureWriter(path: directory.path("x.pcap"), linkType: .ethernet, nanosecond: false)
        let bytes: [UInt8] = Array(repeating: 0xAB, count: 60)
        try bytes.withUnsafeBytes { buffer in
            #expect(throws: CaptureError(path: writer.path, .invalidRecord("original length 59 with 60 captured bytes"))) {
                try writer.write(timestamp: Timestamp(rawValue: 0), bytes: buffer, originalLength: 59)
            }
            #expect(throws: CaptureError.self) {
                try writer.write(timestamp: Timestamp(rawValue: -1), bytes: buffer)
            }
            #expect(throws: CaptureError.self) {
                try writer.write(timestamp: Timestamp(seconds: 4_294_967_296, nanoseconds: 0), bytes: buffer)
            }
            try writer.write(timestamp: Timestamp(seconds: 4_294_967_295, nanoseconds: 999_999_999), bytes: buffer,
                             originalLength: 1500)
            try writer.write(timestamp: Timestamp(seconds: 2, nanoseconds: 0), bytes: UnsafeRawBufferPointer(start: nil, count: 0))
        }
        try writer.close()
        try writer.close()
        #expect(throws: CaptureError(path: writer.path, .writeFailed("the writer is closed"))) {
            try bytes.withUnsafeBytes { try writer.write(timestamp: Timestamp(rawValue: 0), bytes: $0) }
        }
        let result = try readAll(writer.path)
        #expect(result.records.map(\.timestamp) == [Timestamp(seconds: 4_294_967_295, nanoseconds: 999_999_000),
                                                    Timestamp(seconds: 2, nanoseconds: 0)])
        #expect(result.records.map(\.capturedLength) == [60, 0] && result.records.map(\.originalLength) == [1500, 0])
        #expect(writer.packetsWritten == 2)
    }
}
