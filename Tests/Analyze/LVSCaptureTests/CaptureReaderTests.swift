import Foundation
import LVSCapture
import LVSTestSupport
import LVSWire
import Testing

/// The lvscope fixtures through `CaptureReader`, checked against the corpus oracle
/// (`lvscope-fixtures.expect.tsv`) and against tshark 4.0.17.
@Suite struct CaptureReaderTests {
    /// First, second and last frame of each fixture, from
    /// `tshark -r FILE -T fields -e frame.number -e frame.time_epoch -e frame.len -e frame.cap_len`
    /// (frame.interface_id is empty for pcap: interface 0).
    static let tsharkFrames: [(file: String, frames: [TsharkFrame])] = [
        ("lvs-nat.pcap", [.init(1, "1700000000.000000000", 60, 60), .init(2, "1700000000.000090000", 60, 60),
                          .init(750, "1700000002.277479000", 1228, 1228)]),
        ("lvs-nat-nsec.pcap", [.init(1, "1700000000.000000123", 60, 60), .init(2, "1700000000.000090123", 60, 60),
                               .init(750, "1700000002.277479123", 1228, 1228)]),
        ("lvs-nat-bigendian.pcap", [.init(1, "1700000000.000000000", 60, 60),
                                    .init(750, "1700000002.277479000", 1228, 1228)]),
        ("lvs-nat-snap96.pcap", [.init(1, "1700000000.000000000", 60, 60),
                                 .init(750, "1700000002.277479000", 1228, 96)]),
        ("lvs-nat-cut-tail.pcap", [.init(1, "1700000000.000000000", 60, 60),
                                   .init(749, "1700000002.277464000", 1228, 1228)]),
        ("lvs-nat-sll.pcap", [.init(1, "1700000000.000000000", 62, 62), .init(750, "1700000002.277479000", 1230, 1230)]),
        ("lvs-nat-sll2.pcap", [.init(1, "1700000000.000000000", 66, 66), .init(750, "1700000002.277479000", 1234, 1234)]),
        ("lvs-nat-rawip.pcap", [.init(1, "1700000000.001021000", 84, 84), .init(742, "1700000002.277479000", 1214, 1214)]),
        ("lvs-nat-vlan.pcap", [.init(1, "1700000000.000000000", 64, 64), .init(750, "1700000002.277479000", 1232, 1232)]),
        ("lvs-nat-qinq.pcap", [.init(1, "1700000000.000000000", 68, 68), .init(750, "1700000002.277479000", 1236, 1236)]),
        ("lvs-vip.pcap", [.init(1, "1700000000.000000000", 60, 60), .init(747, "1700000002.277464000", 1228, 1228)]),
    ]

    /// What progress reports read: libpcap's stream position, the block reader's offset, or
    /// the whole file once reading has ended (a cut tail included).
    @Test("bytesRead climbs from the file header to the file's size",
          arguments: ["lvs-nat.pcap", "lvs-mixed-eth-sll2.pcapng", "lvs-nat-cut-tail.pcap"])
    func bytesReadClimbs(file: String) throws {
        let path = try fixture(file)
        let reader = try CaptureReader(path: path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(reader.fileSize == size)
        var last = reader.bytesRead
        #expect(last < size)
        var packets = 0
        var backwards = 0
        while try reader.nextPacket() != nil {
            packets += 1
            let now = reader.bytesRead
            if now < last || now > size { backwards += 1 }
            last = now
        }
        #expect(packets > 700)
        #expect(backwards == 0)
        #expect(reader.bytesRead == size)
    }

    @Test("fixture frames agree with tshark", arguments: CaptureReaderTests.tsharkFrames.map(\.file))
    func framesAgreeWithTshark(file: String) throws {
        let frames = try #require(Self.tsharkFrames.first { $0.file == file }?.frames)
        let result = try readAll(try fixture(file))
        for frame in frames {
            let record = try #require(result.records.count >= frame.number ? result.records[frame.number - 1] : nil)
            #expect(frame.matches(record), "\(file) \(frame): got \(record)")
        }
        #expect(result.records.last?.frameNumber == frames.last?.number)
    }

    @Test("every fixture matches the oracle's count, format and link type")
    func fixturesMatchOracle() throws {
        let oracle = try OracleTable(contentsOf: FixturePaths.corpusFile("lvscope-fixtures.expect.tsv"))
        #expect(oracle.files.count == 15)
        for file in oracle.files {
            let result = try readAll(try fixture(file))
            #expect(String(result.records.count) == oracle.value("packets", of: file), "\(file)")
            #expect(result.info.format.description == oracle.value("format", of: file), "\(file)")
            let linkTypes = Set(result.records.map(\.linkType.rawValue)).sorted().map(String.init)
            #expect(linkTypes.joined(separator: ",") == oracle.value("dlt", of: file), "\(file)")
            let truncated = result.records.filter(\.isTruncated).count
            #expect(String(truncated) == oracle.value("truncated", of: file), "\(file)")
            // Frames are numbered 1...n and each file is in time order.
            #expect(result.records.map(\.frameNumber) == Array(1...result.records.count), "\(file)")
            #expect(zip(result.records, result.records.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
        }
    }

    @Test("file headers: format, byte order, snaplen, link type")
    func fileInfo() throws {
        let nat = try CaptureReader(path: try fixture("lvs-nat.pcap")).info
        #expect(nat.format == .pcapMicroseconds && nat.byteOrder == .littleEndian && nat.backend == .libpcap)
        #expect(nat.interfaces == [CaptureInterface(index: 0, linkType: .ethernet, snaplen: 262_144)])
        let big = try CaptureReader(path: try fixture("lvs-nat-bigendian.pcap")).info
        #expect(big.byteOrder == .bigEndian && big.format == .pcapMicroseconds)
        let nsec = try CaptureReader(path: try fixture("lvs-nat-nsec.pcap")).info
        #expect(nsec.format == .pcapNanoseconds && nsec.interfaces[0].timestampResolution == .nanoseconds)
        #expect(try CaptureReader(path: try fixture("lvs-nat-snap96.pcap")).info.snaplen == 96)
        #expect(try CaptureReader(path: try fixture("lvs-nat-rawip.pcap")).info.linkTypes == [.raw])
        #expect(try CaptureReader(path: try fixture("lvs-nat-sll2.pcap")).info.linkTypes == [.linuxSLL2])
    }

    @Test("the same packets in every byte order, precision and snaplen")
    func sameContentAcrossEncodings() throws {
        let reference = try readAll(try fixture("lvs-nat.pcap"))
        let bigEndian = try readAll(try fixture("lvs-nat-bigendian.pcap"))
        #expect(bigEndian.records == reference.records && bigEndian.byteSum == reference.byteSum)
        let nsec = try readAll(try fixture("lvs-nat-nsec.pcap"))
        #expect(nsec.records.map { $0.timestamp.adding(nanoseconds: -123) } == reference.records.map(\.timestamp))
        #expect(nsec.byteSum == reference.byteSum)
        // tshark: sum of frame.len 225142 and of frame.cap_len 61396 over lvs-nat-snap96.pcap.
        let snap = try readAll(try fixture("lvs-nat-snap96.pcap"))
        #expect(snap.records.reduce(0) { $0 + $1.originalLength } == 225_142)
        #expect(snap.records.reduce(0) { $0 + $1.capturedLength } == 61_396)
        #expect(snap.records.allSatisfy { $0.capturedLength <= 96 })
    }

    @Test("a file cut in its last record reads 749 of 750 records and warns")
    func cutTail() throws {
        let result = try readAll(try fixture("lvs-nat-cut-tail.pcap"))
        #expect(result.summary == CaptureReadSummary(packets: 749, truncatedTail: true, stopped: false))
        let full = try readAll(try fixture("lvs-nat.pcap"))
        #expect(Array(full.records.prefix(749)) == result.records)
    }

    @Test("the closure can stop the loop, and a later loop continues")
    func stopAndContinue() throws {
        let reader = try CaptureReader(path: try fixture("lvs-nat.pcap"))
        var seen: [Int] = []
        let first = try reader.forEachPacket { record, _ in
            seen.append(record.frameNumber)
            return record.frameNumber == 10 ? .stop : .continue
        }
        #expect(first == CaptureReadSummary(packets: 10, truncatedTail: false, stopped: true))
        let rest = try reader.forEachPacket { record, _ in
            seen.append(record.frameNumber)
            return .continue
        }
        #expect(rest.packets == 750 && !rest.stopped && seen == Array(1...750))
        #expect(try reader.nextPacket() == nil)
    }

    struct Abort: Error {}

    @Test("an error thrown by the closure propagates")
    func closureError() throws {
        let reader = try CaptureReader(path: try fixture("lvs-nat.pcap"))
        #expect(throws: Abort.self) {
            try reader.forEachPacket { record, _ in
                if record.frameNumber == 3 { throw Abort() }
                return .continue
            }
        }
        #expect(reader.packetsRead == 3)
    }

    @Test("packet bytes are the captured bytes: first frame of lvs-nat.pcap")
    func firstFrameBytes() throws {
        let reader = try CaptureReader(path: try fixture("lvs-nat.pcap"))
        let packet = try #require(try reader.nextPacket())
        // `tshark -r lvs-nat.pcap -c 1 -x`: a broadcast ARP request from 02:00:00:00:00:02
        // (Ethernet destination ff:ff:ff:ff:ff:ff, source 02:00:00:00:00:02, EtherType 0x0806).
        #expect(packet.bytes.count == 60)
        #expect(Array(packet.bytes.prefix(14)) == [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                                   0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x08, 0x06])
    }
}
