import LVSCapture
import LVSDecode
import LVSFlows
import LVSTestSupport
import LVSWire
import Testing

/// A flood of half-open connections: memory follows the live flows, and idle flows are
/// emitted and removed on capture time.
@Suite struct MillionFlowTests {
    static let flows = 1_000_000
    /// One SYN every 200 µs: 200 s of capture, so that IPVS's 60 s SYN_RECV timeout ends
    /// most flows long before the end of input.
    static let interval: Int64 = 200_000
    static let start = Timestamp(seconds: 1_800_000_000, nanoseconds: 0)

    /// Ethernet + IPv4 + TCP SYN from 198.18.0.N:PORT to 192.0.2.10:80, N and PORT from `i`.
    static func syn(_ i: Int, into frame: UnsafeMutableRawBufferPointer) {
        frame.initializeMemory(as: UInt8.self, repeating: 0)
        frame.setU64(0x0200_0000_0001_0200, at: 0)           // dst 02:00:00:00:00:01, src 02:00:..
        frame.setU32(0x0000_0002, at: 8)                       // src ...:00:00:00:02
        frame.setU16(0x0800, at: 12)                           // EtherType IPv4
        frame.setU16(0x4500, at: 14)                           // version 4, IHL 5
        frame.setU16(40, at: 16)                               // total length
        frame.setU16(UInt16(truncatingIfNeeded: i), at: 18)    // identification
        frame.setU16(0x4000, at: 20)                           // DF
        frame.setU16(0x4006, at: 22)                           // TTL 64, protocol TCP
        frame.setU32(0xC612_0000 | UInt32(i / 60_000 + 1), at: 26) // 198.18.0.N
        frame.setU32(0xC000_020A, at: 30)                      // 192.0.2.10
        frame.setU16(UInt16(1024 + i % 60_000), at: 34)        // source port
        frame.setU16(80, at: 36)                               // destination port
        frame.setU32(UInt32(truncatingIfNeeded: i &* 2_654_435_761), at: 38) // sequence number
        frame.setU16(0x5002, at: 46)                           // data offset 5, SYN
        frame.setU16(64_240, at: 48)                           // window
    }

    static func writeFlood(to path: String) throws {
        let writer = try CaptureWriter(path: path, linkType: .ethernet)
        let frame = UnsafeMutableRawBufferPointer.allocate(byteCount: 54, alignment: 8)
        defer { frame.deallocate() }
        for i in 0..<flows {
            syn(i, into: frame)
            try writer.write(timestamp: start.adding(nanoseconds: Int64(i) * interval), bytes: UnsafeRawBufferPointer(frame))
        }
        try writer.close()
    }

    @Test("a million half-open flows stay within the table's memory bound and expire on time")
    func halfOpenFlood() throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path("flood.pcap")
        try Self.writeFlood(to: path)
        var emitted = 0
        var idle = 0
        var wrong = 0
        var lastIdleStart = Int64.min
        let tracker = FlowTracker(point: "flood") { record in
            emitted += 1
            if record.end == .idle {
                idle += 1
                lastIdleStart = max(lastIdleStart, record.firstTime.rawValue)
            }
            if record.state != .s0 || record.history != "S" || record.orig.packets != 1 || record.resp.packets != 0 {
                wrong += 1
            }
        }
        let reader = try CaptureReader(path: path)
        let decoder = PacketDecoder()
        var packet = DecodedPacket()
        try reader.forEachPacket { record, bytes in
            decoder.decode(bytes, linkType: record.linkType, originalLength: record.originalLength, into: &packet)
            tracker.process(record, packet, bytes)
            return .continue
        }
        let beforeFinish = tracker.statistics
        tracker.finish()
        // Memory bound: live flows never exceed the 60 s SYN_RECV timeout plus one 10 s
        // sweep interval of SYNs (70 s × 5 000/s), and the table holds at most 300 bytes
        // per live flow at that peak: 105 MB for a million flows, not 300.
        let stats = tracker.statistics
        #expect(stats.flowsCreated == Self.flows && emitted == Self.flows && wrong == 0)
        #expect(stats.peakLiveFlows <= 350_000 + 5_000, "peak \(stats.peakLiveFlows)")
        #expect(stats.bytesPerLiveFlowAtPeak <= 300, "\(stats.bytesPerLiveFlowAtPeak) bytes per live flow")
        #expect(stats.bytesAtPeak <= 105_000_000)
        // Expiry: flows idle for more than 60 s were emitted before the end of input...
        #expect(idle >= Self.flows - 350_000 - 5_000, "idle \(idle)")
        #expect(beforeFinish.liveFlows == Self.flows - idle)
        // ...and none before its time: the last one emitted as idle began at least 60 s
        // before the last packet.
        let lastPacket = Self.start.rawValue + Int64(Self.flows - 1) * Self.interval
        #expect(lastIdleStart <= lastPacket - 60_000_000_000)
        #expect(stats.liveFlows == 0 && stats.sweeps >= 10)
    }
}
