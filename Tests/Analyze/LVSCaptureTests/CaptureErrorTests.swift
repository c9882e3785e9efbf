import Foundation
import Glibc
import LVSCapture
import LVSTestSupport
import LVSWire
import Testing

/// Every way opening or reading a capture can fail gives a typed error naming the file
/// and, where known, the frame or byte offset; a cut last record is only a warning.
@Suite struct CaptureErrorTests {
    private func openError(_ path: String) -> CaptureError.Reason? {
        do {
            _ = try CaptureReader(path: path)
            return nil
        } catch {
            #expect(error.path == path)
            return error.reason
        }
    }

    /// Opens and reads the whole file; returns the error (from opening or reading) with
    /// the number of packets delivered before it.
    private func readError(_ path: String) -> (CaptureError?, Int) {
        let reader: CaptureReader
        do {
            reader = try CaptureReader(path: path)
        } catch {
            return (error, 0)
        }
        do {
            try reader.forEachPacket { _, _ in .continue }
            return (nil, reader.packetsRead)
        } catch {
            return (error as? CaptureError, reader.packetsRead)
        }
    }

    @Test("missing file, directory, device, FIFO, empty file, text file, wrong format")
    func fileProblems() throws {
        let directory = try TemporaryDirectory()
        #expect(openError(directory.path("absent.pcap")) == .fileNotFound)
        #expect(openError(directory.path("absent/inside.pcap")) == .fileNotFound)
        #expect(openError(directory.url.path) == .isDirectory)
        #expect(openError(try write([], to: "empty.pcap", in: directory)) == .emptyFile)
        // "hello, capture\n": the magic reads as 0x68656c6c ("hell").
        let text = try write(Array("hello, capture\n".utf8), to: "notes.pcap", in: directory)
        #expect(openError(text) == .notACaptureFile(magic: 0x6865_6C6C))
        #expect(openError(try write([0x68], to: "h.pcap", in: directory)) == .notACaptureFile(magic: nil))
        // A character device: no positioned reads, no mapping.
        #expect(openError("/dev/null") == .notARegularFile)
        // A FIFO nothing writes to: refused at once, not waited on.
        let fifo = directory.path("fifo.pcap")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(openError(fifo) == .notARegularFile)
        // The pcapng reader on its own refuses pcap files.
        #expect(throws: CaptureError(path: try fixture("lvs-nat-nsec.pcap"),
                                     .wrongFormat(expected: .pcapng, found: .pcapNanoseconds))) {
            _ = try PcapngBlockReader(path: try fixture("lvs-nat-nsec.pcap"))
        }
    }

    @Test("permission denied", .enabled(if: geteuid() != 0, "root reads files without read permission"))
    func permissionDenied() throws {
        let directory = try TemporaryDirectory()
        let path = try write(try contents(of: try fixture("lvs-nat.pcap")), to: "locked.pcap", in: directory)
        chmod(path, 0)
        #expect(openError(path) == .permissionDenied)
    }

    @Test("file headers cut short")
    func truncatedHeaders() throws {
        let directory = try TemporaryDirectory()
        let pcap = try contents(of: try fixture("lvs-nat.pcap"))
        let pcapng = try contents(of: try fixture("lvs-mixed-eth-sll2.pcapng"))
        #expect(openError(try write(Array(pcap.prefix(10)), to: "a.pcap", in: directory))
            == .truncatedFileHeader(available: 10, needed: 24))
        #expect(openError(try write(Array(pcap.prefix(3)), to: "b.pcap", in: directory))
            == .truncatedFileHeader(available: 3, needed: 4))
        #expect(openError(try write(Array(pcapng.prefix(20)), to: "c.pcapng", in: directory))
            == .truncatedFileHeader(available: 20, needed: 28))
        // A complete file header and 10 bytes of the first record header: a cut tail.
        let cut = try CaptureReader(path: try write(Array(pcap.prefix(34)), to: "d.pcap", in: directory))
        #expect(try cut.forEachPacket { _, _ in .continue } == CaptureReadSummary(packets: 0, truncatedTail: true, stopped: false))
    }

    @Test("a link type outside LinkType.supported is refused unless accepted")
    func unsupportedLinkType() throws {
        // tcpdump-tests.expect.tsv: LINKTYPE 127 (radiotap), 1 packet.
        let path = try tcpdumpTest("ieee802.11_htc.pcap")
        #expect(openError(path) == .unsupportedLinkType(LinkType(rawValue: 127), name: "IEEE802_11_RADIO", interface: 0))
        let accepted = try readAll(path, acceptingUnsupportedLinkTypes: true)
        #expect(accepted.info.linkTypes == [LinkType(rawValue: 127)] && accepted.records.count == 1)
    }

    @Test("libpcap's own refusal is reported with its text")
    func libpcapOpenError() throws {
        let directory = try TemporaryDirectory()
        var bytes = try contents(of: try fixture("lvs-nat.pcap"))
        bytes[4] = 1 // version_major 1 (little-endian u16 at offset 4): libpcap calls it archaic
        let reason = openError(try write(bytes, to: "old.pcap", in: directory))
        guard case let .libpcapOpenFailed(message) = reason else {
            Issue.record("expected libpcapOpenFailed, got \(String(describing: reason))")
            return
        }
        #expect(message.contains("archaic"))
    }

    @Test("an impossible record length mid-file is a read error at that frame")
    func readErrorMidFile() throws {
        let directory = try TemporaryDirectory()
        var bytes = try contents(of: try fixture("lvs-nat.pcap"))
        let third = try #require(pcapRecordOffsets(bytes).dropFirst(2).first)
        // caplen (record header offset 8, little-endian) := 0x7FFFFFFF.
        bytes.replaceSubrange(third + 8..<third + 12, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let (error, delivered) = readError(try write(bytes, to: "bad.pcap", in: directory))
        #expect(delivered == 2)
        guard case let .readFailed(frame, message)? = error?.reason else {
            Issue.record("expected readFailed, got \(String(describing: error))")
            return
        }
        #expect(frame == 3 && message.contains("capture length"))
        #expect(error?.location.hasSuffix("bad.pcap, frame 3") == true)
    }

    @Test("pcapng block lengths: not a multiple of 4, trailing length differs, captured length too big")
    func corruptedBlockLengths() throws {
        let directory = try TemporaryDirectory()
        let original = try contents(of: try fixture("lvs-mixed-eth-sll2.pcapng"))
        // Blocks: SHB at 0 (136 bytes), IDBs at 136 and 156 (20 each), first EPB at 176 (100 bytes).
        #expect(pcapngBlockOffsets(original).prefix(5) == [0, 136, 156, 176, 276])
        let cases: [(offset: Int, value: UInt32, expected: String)] = [
            (176 + 4, 101, "block length 101 is not a multiple of 4"),
            (176 + 4, 8, "block length 8 is below the 12-byte minimum"),
            // The word 100 bytes in is the next block's type, 6 (EPB).
            (176 + 4, 104, "trailing block length 6 differs from the leading length 104"),
            // 100 − 12 − 20 = 68 bytes of data (66 captured, padded).
            (176 + 8 + 12, 200, "captured length 200 exceeds the 68 data bytes of the block"),
        ]
        for (index, damage) in cases.enumerated() {
            var bytes = original
            bytes.replaceSubrange(damage.offset..<damage.offset + 4, with: withUnsafeBytes(of: damage.value.littleEndian, Array.init))
            let (error, delivered) = readError(try write(bytes, to: "bad\(index).pcapng", in: directory))
            #expect(delivered == 0)
            guard case let .malformedBlock(offset, reason)? = error?.reason else {
                Issue.record("case \(index): expected malformedBlock, got \(String(describing: error))")
                continue
            }
            #expect(reason == damage.expected, "case \(index)")
            #expect(offset == (damage.offset == 196 ? 196 : 176), "case \(index)")
        }
    }

    @Test("a single-interface pcapng that libpcap cannot finish is judged by the block reader")
    func libpcapTakeover() throws {
        let directory = try TemporaryDirectory()
        // tcpdump-tests.expect.tsv: of13_ericsson.pcapng, Ethernet, 174 packets.
        let original = try contents(of: try tcpdumpTest("of13_ericsson.pcapng"))
        let blocks = pcapngBlockOffsets(original)
        let packets = blocks.filter { readU32(original, $0) == 6 }
        #expect(packets.count == 174)
        var damaged = original
        damaged.replaceSubrange(packets[2] + 4..<packets[2] + 8, with: [13, 0, 0, 0])
        let path = try write(damaged, to: "damaged.pcapng", in: directory)
        #expect(try CaptureReader(path: path).info.backend == .libpcap)
        let (error, delivered) = readError(path)
        #expect(delivered == 2)
        #expect(error?.reason == .malformedBlock(offset: packets[2], reason: "block length 13 is not a multiple of 4"))
        #expect(error?.description.hasSuffix("damaged.pcapng, byte offset \(packets[2]))") == true)
    }

    @Test("a pcapng cut in its last block reads the rest and warns, through either reader")
    func pcapngCutTail() throws {
        let directory = try TemporaryDirectory()
        for (name, total) in [("lvs-mixed-eth-sll2.pcapng", 1497), ("of13_ericsson.pcapng", 174)] {
            let source = name.hasPrefix("lvs") ? try fixture(name) : try tcpdumpTest(name)
            let bytes = try contents(of: source)
            let lastBlock = try #require(pcapngBlockOffsets(bytes).last)
            // Cut 10 bytes before the end, and 6 bytes into the last block's header.
            for cut in [bytes.count - 10, lastBlock + 6] {
                let path = try write(Array(bytes.prefix(cut)), to: "cut-\(cut)-\(name)", in: directory)
                let result = try readAll(path)
                #expect(result.summary == CaptureReadSummary(packets: total - 1, truncatedTail: true, stopped: false),
                        "\(name) cut at \(cut)")
            }
        }
    }

    @Test("descriptions follow `<what> (<where>)`")
    func descriptions() {
        #expect(CaptureError(path: "x.pcap", .fileNotFound).description == "capture file not found (x.pcap)")
        #expect(CaptureError(path: "x.pcap", .readFailed(frame: 7, message: "boom")).description
            == "libpcap read error: boom (x.pcap, frame 7)")
        #expect(CaptureError(path: "y.pcapng", .malformedBlock(offset: 176, reason: "r")).description
            == "malformed pcapng block: r (y.pcapng, byte offset 176)")
        #expect(CaptureError(path: "t.txt", .notACaptureFile(magic: 0x6865_6C6C)).description
            == "not a pcap or pcapng file (magic 0x68656c6c) (t.txt)")
    }
}

/// Little-endian u32 at `offset`.
func readU32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
        | UInt32(bytes[offset + 3]) << 24
}

/// Offsets of the records of a little-endian pcap file (24-byte header, 16-byte record
/// headers with caplen at +8).
func pcapRecordOffsets(_ bytes: [UInt8]) -> [Int] {
    var offsets: [Int] = []
    var offset = 24
    while offset + 16 <= bytes.count {
        offsets.append(offset)
        offset += 16 + Int(readU32(bytes, offset + 8))
    }
    return offsets
}

/// Offsets of the blocks of a little-endian pcapng file (length at +4).
func pcapngBlockOffsets(_ bytes: [UInt8]) -> [Int] {
    var offsets: [Int] = []
    var offset = 0
    while offset + 12 <= bytes.count {
        offsets.append(offset)
        offset += Int(readU32(bytes, offset + 4))
    }
    return offsets
}
