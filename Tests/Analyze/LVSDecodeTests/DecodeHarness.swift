import LVSCapture
import LVSDecode
import LVSTestSupport
import LVSWire

/// Reads a capture and decodes every packet (the same path `lvscope decode` takes).
enum DecodeHarness {
    struct Run {
        var summary = DecodeSummary()
        var statuses: [DecodeStatus] = []
    }

    static func decode(_ path: String, keepStatuses: Bool = false,
                       options: PacketDecoder.Options = .init()) throws -> Run {
        let reader = try CaptureReader(path: path, acceptingUnsupportedLinkTypes: true)
        let decoder = PacketDecoder(options: options)
        var run = Run()
        var packet = DecodedPacket()
        try reader.forEachPacket { record, bytes in
            decoder.decode(bytes, linkType: record.linkType, originalLength: record.originalLength, into: &packet)
            run.summary.add(packet)
            if keepStatuses { run.statuses.append(packet.status) }
            return .continue
        }
        return run
    }

    /// Every packet's bytes, copied (tests only).
    static func frames(_ path: String) throws -> [(record: PacketRecord, bytes: [UInt8])] {
        let reader = try CaptureReader(path: path)
        var frames: [(PacketRecord, [UInt8])] = []
        try reader.forEachPacket { record, bytes in
            frames.append((record, Array(bytes)))
            return .continue
        }
        return frames
    }
}
