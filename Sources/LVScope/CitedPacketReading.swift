import LVSCapture
import LVSDecode
import LVSFlows
import LVSReport

/// Reads back the frames an HTML report cites and turns each into its `decode` summary
/// line, so every evidence link lands on the packet it names.
public enum CitedPacketReading {
    public static func read(_ request: FrameRequest, points: [FlowCollection.Point]) throws(LVScopeError)
        -> CitedPackets {
        var packets: [CitedPackets.Packet] = []
        let decoder = PacketDecoder()
        var decoded = DecodedPacket()
        for (capture, frames) in request.captures {
            guard let point = points.first(where: { $0.input.point == capture }), let last = frames.last else {
                continue
            }
            let wanted = Set(frames)
            let reader = try CaptureDecoding.openReader(point.input)
            do {
                while let borrowed = try reader.nextPacket() {
                    let record = borrowed.record
                    if record.frameNumber > last { break }
                    guard wanted.contains(record.frameNumber) else { continue }
                    decoder.decode(borrowed.bytes, linkType: record.linkType, originalLength: record.originalLength,
                                   into: &decoded)
                    packets.append(CitedPackets.Packet(
                        capture: capture, frame: record.frameNumber, time: record.timestamp,
                        summary: PacketLine.text(frame: record.frameNumber, time: record.timestamp, packet: decoded)))
                }
            } catch {
                throw LVScopeError(error)
            }
        }
        return CitedPackets(packets)
    }
}

extension AnalysisResult {
    /// The report in `format`: for HTML the cited packets are read back from the captures
    /// (relative paths under `directory`, as the analysis read them); `color` colours the
    /// text report.
    public func rendered(_ format: AnalysisFormat, color: Bool = false, directory: String? = nil,
                         generator: String = LVScopeVersion.generator) throws(LVScopeError) -> String {
        let report = report(generator: generator)
        guard format == .html else { return report.rendered(format, color: color) }
        let points = flows.points.map { point in
            var point = point
            point.input.path = Analysis.resolve(point.input.path, in: directory)
            return point
        }
        let packets = try CitedPacketReading.read(report.citedFrames(), points: points)
        return report.html(packets: packets)
    }
}
