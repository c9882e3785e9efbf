import Foundation
import LVSCapture
import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// Every frame the core emits over a mixed workload (NAT, DR, TUN ipip/GUE/GRE, FULL-NAT
/// with TOA, both families, TCP, UDP including checksum 0, ICMP errors of both kinds and
/// the director's own) must carry correct checksums, checked from scratch by
/// `FrameChecksums` and, independently, by tshark over a capture of the output.
@Suite struct EmittedChecksumsTests {
    typealias F = DirectorFixtures

    static func workload() -> [(time: Timestamp, frame: [UInt8])] {
        var frames: [(Timestamp, [UInt8])] = []
        var director = F.director([
            F.service(servers: [F.server("10.1.0.11", port: 8080, .nat)]),
            F.service(port: 81, servers: [F.server("10.1.0.11", port: 81, .directRouting)]),
            F.service(port: 82, servers: [F.server("10.1.0.11", port: 82, .tunnel)]),
            F.service(port: 83, servers: [F.server("10.1.0.12", port: 83, .tunnel,
                                                   tunnel: TunnelOptions(type: .gue, port: 6080, checksum: .checksum))]),
            F.service(port: 84, servers: [F.server("10.1.0.12", port: 84, .tunnel,
                                                   tunnel: TunnelOptions(type: .gre, checksum: .checksum))]),
            F.service(.udp, port: 53, servers: [F.server("10.1.0.12", port: 5353, .nat)]),
            F.service(vip: F.vip6, servers: [F.server("2001:db8:1::11", port: 8080, .nat)]),
        ], mtu: 1400)
        var second: Int64 = 0
        func feed(_ packet: PacketBuilder, _ side: Side = .client) {
            second += 1
            for emitted in director.run(packet, from: side, at: F.time(second)) {
                if let bytes = emitted.bytes { frames.append((F.time(second), bytes)) }
            }
        }
        for port in [80, 81, 82, 83, 84] {
            feed(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:\(port)", flags: [.syn],
                                   options: [.maximumSegmentSize(1460), .sackPermitted]))
            feed(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:\(port)", flags: [.ack, .psh],
                                   payload: Array("GET / HTTP/1.1\r\n\r\n".utf8)).ipv4 { $0.ecn = 3 })
        }
        var zero = PacketBuilder.udp("198.51.100.7:5000", "192.0.2.10:53", payload: Array("query".utf8))
        zero.udpChecksumZero = true
        feed(zero)
        feed(PacketBuilder.udp("10.1.0.12:5353", "198.51.100.7:5000", payload: Array("answer".utf8))
            .macs(destination: F.realSideMAC, source: F.rs2MAC), .realServer)
        feed(PacketBuilder.tcp("10.1.0.11:8080", "198.51.100.7:40000", flags: [.syn, .ack])
            .macs(destination: F.realSideMAC, source: F.rs1MAC), .realServer)
        feed(PacketBuilder.tcp("[2001:db8:ff::7]:40000", "[2001:db8::10]:80", flags: [.syn]))
        feed(PacketBuilder.tcp("198.51.100.7:40001", "192.0.2.10:80", flags: [.syn], ttl: 1))
        feed(PacketBuilder.tcp("198.51.100.7:40002", "192.0.2.10:80", flags: [.syn],
                               payload: [UInt8](repeating: 1, count: 1500 - 40)))
        let request = PacketBuilder.tcp("198.51.100.7:40000", "10.1.0.11:8080", flags: [.ack]).ipPacket
        feed(PacketBuilder.icmpError("10.1.0.11", F.client, type: 3, code: 3, quoting: request)
            .macs(destination: F.realSideMAC, source: F.rs1MAC), .realServer)
        let reply = PacketBuilder.tcp("192.0.2.10:80", "198.51.100.7:40000", flags: [.ack]).ipPacket
        feed(PacketBuilder.icmpError("203.0.113.1", F.vip, type: 3, code: 4, restOfHeader: 1300, quoting: reply))
        frames.append(contentsOf: fullNATFrames())
        return frames
    }

    static func fullNATFrames() -> [(Timestamp, [UInt8])] {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 80, .fullNAT)], locals: ["10.1.0.200"]),
                                   F.service(vip: F.vip6, servers: [F.server("2001:db8:1::11", port: 80, .fullNAT)],
                                             locals: ["2001:db8:1::200"])], profile: .alibaba)
        var frames: [(Timestamp, [UInt8])] = []
        for packet in [PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn],
                                         options: [.maximumSegmentSize(1460), .timestamps(value: 1, echo: 0)]),
                       PacketBuilder.tcp("[2001:db8:ff::7]:40000", "[2001:db8::10]:80", flags: [.syn])] {
            frames += director.run(packet).compactMap { $0.bytes.map { (F.time(0), $0) } }
        }
        return frames
    }

    static let badChecksumFilter = ["ip", "udp", "icmp", "icmpv6"]
        .flatMap { ["\($0).checksum.status==0", "\($0).checksum.status==2"] }
        .joined(separator: " || ") + " || ((tcp.checksum.status==0 || tcp.checksum.status==2) && !icmp && !icmpv6)"

    @Test func everyEmittedFrameVerifies() {
        let frames = Self.workload()
        #expect(frames.count >= 20)
        for (index, frame) in frames.enumerated() {
            let problems = FrameChecksums.problems(in: frame.frame)
            #expect(problems.isEmpty, "frame \(index): \(problems) \(hex(frame.frame))")
        }
    }

    /// tshark with checksum validation on finds no bad IP, TCP, UDP, ICMP or ICMPv6
    /// checksum. Wireshark's status values are 0 bad, 1 good, 2 unverified: the filter asks
    /// for both 0 and 2. The quoted TCP checksum inside an ICMP error is excluded: the
    /// rewrite leaves it stale by design (§0.4) and the quote is usually cut short.
    @Test func tsharkFindsNoBadChecksum() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("emitted.pcap")
        let writer = try CaptureWriter(path: path, linkType: .ethernet)
        for (time, frame) in Self.workload() {
            try frame.withUnsafeBytes { try writer.write(timestamp: time, bytes: $0) }
        }
        try writer.close()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tshark") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tshark")
        process.arguments = ["-n", "-r", path, "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                             "-o", "ip.check_checksum:TRUE", "-Y", Self.badChecksumFilter]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.isEmpty, "tshark flagged: \(text)")
        // Sanity: the same filter does flag a frame with a broken checksum.
        var broken = PacketBuilder.tcp("198.51.100.7:1", "192.0.2.10:80", flags: [.syn])
        broken.transportChecksum = 0x1234
        let badPath = directory.path("bad.pcap")
        let badWriter = try CaptureWriter(path: badPath, linkType: .ethernet)
        try broken.bytes.withUnsafeBytes { try badWriter.write(timestamp: F.time(0), bytes: $0) }
        try badWriter.close()
        let check = Process()
        check.executableURL = process.executableURL
        check.arguments = ["-n", "-r", badPath] + Array(process.arguments?.dropFirst(3) ?? [])
        let checkOutput = Pipe()
        check.standardOutput = checkOutput
        check.standardError = Pipe()
        try check.run()
        let flagged = String(decoding: checkOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(!flagged.isEmpty)
    }
}
