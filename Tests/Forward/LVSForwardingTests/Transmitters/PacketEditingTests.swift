import Foundation
import LVSCapture
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// The incremental IPv4 header checksum (TTL decrement, address rewrite) must write exactly
/// what summing the header again writes (`ip_send_check`), since outputs are compared byte
/// for byte with the kernel's.
@Suite struct PacketEditingTests {
    /// The header checksum as a full sum computes it for the header at `network`.
    static func recomputed(_ frame: [UInt8], network: Int) -> [UInt8] {
        var copy = frame
        copy.withUnsafeMutableBytes { PacketEditing.refreshIPv4Checksum($0, network: network) }
        return copy
    }

    /// Every IPv4 frame of a lab capture: the TTL decrement, then a destination rewrite.
    @Test func agreesWithAFullSumOnCapturedHeaders() throws {
        let root = try FixturePaths.repositoryRoot()
        let path = root.appendingPathComponent("Fixtures/captures/nat-ok/client.pcap").path
        var frames: [[UInt8]] = []
        try CaptureReader(path: path).forEachPacket { _, bytes in
            if bytes.count >= 34, bytes.u16(at: 12) == EtherType.ipv4.rawValue { frames.append(Array(bytes)) }
            return .continue
        }
        #expect(frames.count > 10)
        for frame in frames {
            var edited = frame
            edited.withUnsafeMutableBytes { PacketEditing.decrementTTL($0, network: 14, isIPv4: true) }
            #expect(edited[22] == frame[22] &- 1)
            #expect(edited == Self.recomputed(edited, network: 14))
            edited.withUnsafeMutableBytes { bytes in
                var delta = ChecksumDelta()
                let old = PacketEditing.destination(bytes, network: 14, isIPv4: true)
                let new = IPAddress.v4(IPv4Address(rawValue: 0x0A01_000B))
                delta.replace(old, with: new)
                PacketEditing.setDestination(bytes, network: 14, new)
                PacketEditing.updateIPv4Checksum(bytes, network: 14, delta)
            }
            #expect(edited == Self.recomputed(edited, network: 14))
        }
    }

    /// Seeded random headers with right checksums, each also in the form whose other words
    /// sum to 0xFFFF and whose checksum field holds 0xFFFF (right too; a full sum writes 0).
    @Test func agreesWithAFullSumOnRandomHeaders() {
        var random = SeededGenerator(seed: 1624)
        for _ in 0..<20_000 {
            var header = (0..<20).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            // Version 4, IHL 5, total length 20: the rest is random.
            (header[0], header[2], header[3]) = (0x45, 0, 20)
            header.withUnsafeMutableBytes { PacketEditing.refreshIPv4Checksum($0, network: 0) }
            let negativeZero = Self.withNegativeZeroChecksum(header)
            for original in [header, negativeZero] {
                var edited = original
                let newSource = UInt32(truncatingIfNeeded: random.next())
                edited.withUnsafeMutableBytes { bytes in
                    PacketEditing.decrementTTL(bytes, network: 0, isIPv4: true)
                    var delta = ChecksumDelta()
                    let old = PacketEditing.source(bytes, network: 0, isIPv4: true)
                    delta.replace(old, with: .v4(IPv4Address(rawValue: newSource)))
                    PacketEditing.setSource(bytes, network: 0, .v4(IPv4Address(rawValue: newSource)))
                    PacketEditing.updateIPv4Checksum(bytes, network: 0, delta)
                }
                #expect(edited == Self.recomputed(edited, network: 0))
            }
        }
    }

    /// The one update whose sum reaches zero: checksum 0xFFFF, source 255.255.255.255
    /// rewritten to 0.0.0.0. A full sum writes 0.
    @Test func allOnesRewrittenToZerosUnderANegativeZeroChecksum() {
        var header: [UInt8] = [0x45, 0, 0, 20, 0x12, 0x34, 0, 0, 64, 6, 0, 0, 255, 255, 255, 255, 10, 0, 0, 1]
        header = Self.withNegativeZeroChecksum(header)
        header.withUnsafeMutableBytes { bytes in
            var delta = ChecksumDelta()
            delta.replace(PacketEditing.source(bytes, network: 0, isIPv4: true), with: .v4(IPv4Address(rawValue: 0)))
            PacketEditing.setSource(bytes, network: 0, .v4(IPv4Address(rawValue: 0)))
            PacketEditing.updateIPv4Checksum(bytes, network: 0, delta)
        }
        #expect(header == Self.recomputed(header, network: 0))
        #expect(header[10] == 0 && header[11] == 0)
    }

    /// `header` with its identification changed so that the words other than the checksum
    /// sum to 0xFFFF, and 0xFFFF stored as the checksum (checked right by `ChecksumStatus`).
    static func withNegativeZeroChecksum(_ header: [UInt8]) -> [UInt8] {
        var changed = header
        changed.withUnsafeMutableBytes { bytes in
            bytes.setU16(0, at: IPv4View.Field.headerChecksum)
            var sum = InternetChecksum()
            sum.add(bytes: UnsafeRawBufferPointer(bytes))
            // Adding the complement of the sum to one word makes the sum 0xFFFF.
            var identification = InternetChecksum()
            identification.add(bytes.u16(at: IPv4View.Field.identification))
            identification.add(~sum.folded)
            bytes.setU16(identification.folded, at: IPv4View.Field.identification)
            bytes.setU16(0xFFFF, at: IPv4View.Field.headerChecksum)
        }
        let status = changed.withUnsafeBytes { bytes in
            (try? IPv4View(checking: bytes)).map { ChecksumStatus(verifyingIPv4Header: $0) }
        }
        #expect(status == .good)
        return changed
    }
}
