import Foundation
import LVSCapture
@testable import LVSFlows
import LVSTestSupport
import LVSWire
import Testing

/// A pcapng file whose second interface is declared after the first packet (a capture
/// that added an interface, or a tool that writes interfaces as it meets them): its
/// packets form their own sub-point (DESIGN.md §3), as if it had been declared up front.
@Suite struct LateInterfaceTests {
    private let scenario = "Fixtures/captures/nat-ok"

    private func path(_ file: String) throws -> String {
        try FixturePaths.repositoryRoot().appendingPathComponent("\(scenario)/\(file)").path
    }

    /// The real director captures of both interfaces, merged by time into one pcapng:
    /// eth0's interface first, eth1's declared just before its first packet.
    private func mergedDirector(in directory: TemporaryDirectory, lateName: String) throws -> String {
        var packets: [(time: Int64, interface: UInt32, bytes: [UInt8], original: Int)] = []
        for (interface, file) in ["director-eth0.pcap", "director-eth1.pcap"].enumerated() {
            let reader = try CaptureReader(path: try path(file))
            try reader.forEachPacket { record, bytes in
                packets.append((record.timestamp.rawValue, UInt32(interface), Array(bytes), record.originalLength))
                return .continue
            }
        }
        packets.sort { ($0.time, $0.interface) < ($1.time, $1.interface) }
        var file = PcapngBuilder()
        file.sectionHeader(littleEndian: true)
        file.interface(linkType: 1, snaplen: 262_144, name: "eth0", tsresol: 9)
        var declared = 1
        for packet in packets {
            if packet.interface >= declared {
                file.interface(linkType: 1, snaplen: 262_144, name: lateName, tsresol: 9)
                declared += 1
            }
            file.enhancedPacket(interface: packet.interface, ticks: UInt64(packet.time), data: packet.bytes,
                                originalLength: packet.original)
        }
        #expect(declared == 2)
        let url = directory.url.appendingPathComponent("director.pcapng")
        try Data(file.bytes).write(to: url)
        return url.path
    }

    /// `file` cut in two sections after its `split`th packet, each declaring interface
    /// `names[section]`: what `cat a.pcapng b.pcapng` makes of two captures.
    private func concatenated(_ file: String, split: Int, names: [String],
                              in directory: TemporaryDirectory) throws -> String {
        var builder = PcapngBuilder()
        let reader = try CaptureReader(path: try path(file))
        var count = 0
        try reader.forEachPacket { record, bytes in
            if count == 0 || count == split {
                builder.sectionHeader(littleEndian: true)
                builder.interface(linkType: 1, snaplen: 262_144, name: names[count == 0 ? 0 : 1], tsresol: 9)
            }
            count += 1
            builder.enhancedPacket(interface: 0, ticks: UInt64(record.timestamp.rawValue), data: Array(bytes),
                                   originalLength: record.originalLength)
            return .continue
        }
        let url = directory.url.appendingPathComponent("cat.pcapng")
        try Data(builder.bytes).write(to: url)
        return url.path
    }

    /// Each flow as "sub-point proto orig:port resp:port packets".
    private func flows(_ inputs: [CaptureInput], reading shape: ReadAhead.Shape = ReadAhead.Shape())
        throws -> (names: [String], flows: [String]) {
        let collection = try FlowCollector.collect(inputs, configuration: FlowConfiguration(), decoder: .init(),
                                                   reading: shape)
        let flows = collection.records.map { record in
            "\(record.point) \(record.protocolNumber.rawValue) \(record.origAddress):\(record.origPort) "
                + "\(record.respAddress):\(record.respPort) \(record.orig.packets)+\(record.resp.packets)"
        }
        return (Set(collection.records.map(\.point.description)).sorted(), flows.sorted())
    }

    /// Named by its `if_name`, unless an interface before it had that name: then by index.
    @Test("the late interface's flows are a sub-point of their own, the same flows as its own capture's",
          arguments: [("eth1", "director/eth1"), ("eth0", "director/1")])
    func lateInterfaceIsASubPoint(lateName: String, subPoint: String) throws {
        let directory = try TemporaryDirectory()
        let file = try mergedDirector(in: directory, lateName: lateName)
        let merged = try flows([CaptureInput(point: "director", path: file)])
        #expect(merged.names == ["director", subPoint])
        // Interfaces learned batch by batch: the late one's in a batch of its own packets.
        for shape in [ReadAhead.Shape(threaded: true, batchPackets: 3, batchCount: 2),
                      ReadAhead.Shape(threaded: false, batchPackets: 1)] {
            let small = try flows([CaptureInput(point: "director", path: file)], reading: shape)
            #expect(small.names == merged.names && small.flows == merged.flows, "\(shape)")
        }

        let eth0 = try flows([CaptureInput(point: "director", path: try path("director-eth0.pcap"))])
        let eth1 = try flows([CaptureInput(point: "eth1", path: try path("director-eth1.pcap"))])
        #expect(eth0.flows.count > 5 && eth1.flows.count > 5)
        let expected = (eth0.flows + eth1.flows.map { subPoint + $0.dropFirst("eth1".count) }).sorted()
        #expect(merged.flows == expected)
    }

    /// Concatenated captures of one interface read as one point, flows across the join
    /// whole; a second section whose interface has another name is another sub-point.
    @Test("a later section repeating the first one's interface is the same point",
          arguments: [("eth0", ["director"]), ("eth9", ["director", "director/eth9"])])
    func concatenatedSections(secondName: String, names: [String]) throws {
        let directory = try TemporaryDirectory()
        let file = try concatenated("director-eth0.pcap", split: 101, names: ["eth0", secondName], in: directory)
        let joined = try flows([CaptureInput(point: "director", path: file)])
        #expect(joined.names == names)
        let whole = try flows([CaptureInput(point: "director", path: try path("director-eth0.pcap"))])
        if names.count == 1 {
            #expect(joined.flows == whole.flows)
        } else {
            // The flows the join cuts through come out as two.
            #expect(joined.flows.count > whole.flows.count)
        }
    }
}
