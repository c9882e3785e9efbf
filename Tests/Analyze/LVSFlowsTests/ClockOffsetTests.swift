import Foundation
import LVSCapture
import LVSFlows
import LVSTestSupport
import LVSWire
import Testing

/// Clock offsets come from matched packets, and only the offsets change when a capture's
/// clock is off.
@Suite struct ClockOffsetTests {
    /// Copies a capture with every timestamp moved by `nanoseconds`.
    static func shiftedCopy(of path: String, by nanoseconds: Int64, to target: String) throws {
        let reader = try CaptureReader(path: path)
        let linkType = try #require(reader.info.interfaces.first?.linkType)
        let writer = try CaptureWriter(path: target, linkType: linkType)
        try reader.forEachPacket { record, bytes in
            var shifted = record
            shifted.timestamp = record.timestamp.adding(nanoseconds: nanoseconds)
            try writer.write(shifted, bytes: bytes)
            return .continue
        }
        try writer.close()
    }

    /// What must not change: every flow (but its times and uid), every connection's legs
    /// with their rewrites and the flows (by point and first frame) that saw them.
    static func invariantView(_ collection: FlowCollection, _ correlation: CorrelationResult) -> [String] {
        let byUID = Dictionary(uniqueKeysWithValues: collection.records.map { ($0.uid, $0) })
        let flows = collection.records.map { r in
            "\(r.point) \(r.firstFrame)-\(r.lastFrame) \(r.origAddress.withPort(r.origPort))>\(r.respAddress.withPort(r.respPort)) "
                + "\(r.state.rawValue) \(r.history) \(r.orig.packets)/\(r.resp.packets) \(r.orig.payloadBytes)/\(r.resp.payloadBytes) "
                + "\(r.forwardedCopies) \(r.orig.retransmissions) \(r.linkLegs.map(\.leg.description)) \(r.communityID) "
                + "\(r.duration.rawValue)"
        }.sorted()
        let connections = correlation.connections.map { connection in
            connection.legs.map { leg in
                let seen = leg.observations.compactMap { byUID[$0.uid] }.map { "\($0.point)#\($0.firstFrame)" }.sorted()
                return "\(leg.tupleDescription) [\(leg.rewrites)] \(seen)"
            }.joined(separator: " | ")
        }.sorted()
        return flows + connections
    }

    /// Seconds of 365 days.
    static let year: Int64 = 365 * 86_400

    /// The shifts, then clocks decades apart: 75 years on (2101, near the end of
    /// pcap's 32-bit seconds) and 50 years back (1976), whose offsets only 64-bit
    /// arithmetic without overflow gets right.
    @Test("shifting two captures' clocks changes only their offsets", arguments: [
        ["client": 37_500_000_000, "rs1": -2_000_000_000],
        ["client": 75 * year * 1_000_000_000, "rs1": -50 * year * 1_000_000_000],
    ] as [[String: Int64]])
    func shiftedClocks(shifts: [String: Int64]) throws {
        let scenario = try LabScenario(name: "nat-ok")
        let original = try FlowCollector.collect(scenario.inputs())
        let originalCorrelation = original.correlate()
        let temporary = try TemporaryDirectory()
        var inputs: [CaptureInput] = []
        for input in scenario.inputs() {
            guard let shift = shifts[input.point] else {
                inputs.append(input)
                continue
            }
            let target = temporary.path("\(input.point).pcap")
            try Self.shiftedCopy(of: input.path, by: shift, to: target)
            inputs.append(CaptureInput(point: input.point, path: target))
        }
        let shifted = try FlowCollector.collect(inputs)
        let shiftedCorrelation = shifted.correlate()
        #expect(Self.invariantView(shifted, shiftedCorrelation) == Self.invariantView(original, originalCorrelation))
        #expect(shiftedCorrelation.referencePoint == "director-eth0")
        for (before, after) in zip(originalCorrelation.clockOffsets, shiftedCorrelation.clockOffsets) {
            let was = try #require(before.nanoseconds, "\(before.point) has an offset")
            let now = try #require(after.nanoseconds, "\(after.point) has an offset")
            #expect(abs(was) < 1_000_000, "\(before.point): the lab's captures share one clock")
            #expect(abs(now - was - (shifts[after.point] ?? 0)) < 1_000_000, "\(after.point): \(now) ns")
            #expect(after.pairs >= 10 || after.point == "director-eth0")
        }
        let client = try #require(shiftedCorrelation.clockOffsets.first { $0.point == "client" }?.seconds)
        let rs1 = try #require(shiftedCorrelation.clockOffsets.first { $0.point == "rs1" }?.seconds)
        #expect(abs(client - Double(shifts["client"] ?? 0) / 1e9) < 0.001)
        #expect(abs(rs1 - Double(shifts["rs1"] ?? 0) / 1e9) < 0.001)
    }
}
