import LVSFlows
import LVSWire
import Testing

/// Community ID v1 against the spec's published baseline
/// (corelight/community-id-spec, baseline/baseline_deflt.json: seed 0, base64). ICMP
/// rows give the type and its counterpart type (or code) as the ports.
@Suite struct CommunityIDTests {
    struct Vector: Sendable, CustomStringConvertible {
        var proto: UInt8
        var source: String
        var destination: String
        var sourcePort: UInt16
        var destinationPort: UInt16
        var expected: String
        var description: String { "\(proto) \(source) \(destination) \(sourcePort) \(destinationPort)" }
    }

    static let vectors = [
        Vector(proto: 58, source: "fe80::200:86ff:fe05:80da", destination: "fe80::260:97ff:fe07:69ea", sourcePort: 135,
               destinationPort: 136, expected: "1:dGHyGvjMfljg6Bppwm3bg0LO8TY="),
        Vector(proto: 58, source: "fe80::260:97ff:fe07:69ea", destination: "fe80::200:86ff:fe05:80da", sourcePort: 136,
               destinationPort: 135, expected: "1:dGHyGvjMfljg6Bppwm3bg0LO8TY="),
        Vector(proto: 58, source: "fe80::260:97ff:fe07:69ea", destination: "fe80::200:86ff:fe05:80da", sourcePort: 135,
               destinationPort: 136, expected: "1:zavyT/cezQr1fmImYCwYnMXbgck="),
        Vector(proto: 58, source: "3ffe:501:1800:2345::2", destination: "3ffe:507:0:1:200:86ff:fe05:80da", sourcePort: 3,
               destinationPort: 0, expected: "1:2ObVBgIn28oZvibYZhZMBgh7WdQ="),
        Vector(proto: 58, source: "3ffe:501:410:0:2c0:dfff:fe47:33e", destination: "3ffe:507:0:1:200:86ff:fe05:80da",
               sourcePort: 1, destinationPort: 4, expected: "1:hLZd0XGWojozrvxqE0dWB1iM6R0="),
        Vector(proto: 58, source: "3ffe:507:0:1:200:86ff:fe05:80da", destination: "3ffe:501:0:1001::2", sourcePort: 128,
               destinationPort: 129, expected: "1:+TW+HtLHvV1xnGhV1lv7XoJrqQg="),
        Vector(proto: 58, source: "fe80::200:86ff:fe05:80da", destination: "ff02::2", sourcePort: 133, destinationPort: 134,
               expected: "1:hO+sN4H+MG5MY/8hIrXPqc4ZQz0="),
        Vector(proto: 1, source: "192.168.0.89", destination: "192.168.0.1", sourcePort: 8, destinationPort: 0,
               expected: "1:X0snYXpgwiv9TZtqg64sgzUn6Dk="),
        Vector(proto: 1, source: "192.168.0.1", destination: "192.168.0.89", sourcePort: 0, destinationPort: 8,
               expected: "1:X0snYXpgwiv9TZtqg64sgzUn6Dk="),
        Vector(proto: 1, source: "10.0.0.1", destination: "10.0.0.2", sourcePort: 11, destinationPort: 0,
               expected: "1:YHxtAirCG//0OzkcVAukqKQN9xM="),
        Vector(proto: 6, source: "2001:470:e5bf:dead:4957:2174:e82c:4887", destination: "2607:f8b0:400c:c03::1a",
               sourcePort: 63943, destinationPort: 25, expected: "1:/qFaeAR+gFe1KYjMzVDsMv+wgU4="),
        Vector(proto: 6, source: "2607:f8b0:400c:c03::1a", destination: "2001:470:e5bf:dead:4957:2174:e82c:4887",
               sourcePort: 25, destinationPort: 63943, expected: "1:/qFaeAR+gFe1KYjMzVDsMv+wgU4="),
        Vector(proto: 132, source: "192.168.170.8", destination: "192.168.170.56", sourcePort: 7, destinationPort: 7,
               expected: "1:MP2EtRCAUIZvTw6MxJHLV7N7JDs="),
        Vector(proto: 6, source: "128.232.110.120", destination: "66.35.250.204", sourcePort: 34855, destinationPort: 80,
               expected: "1:LQU9qZlK+B5F3KDmev6m5PMibrg="),
        Vector(proto: 6, source: "66.35.250.204", destination: "128.232.110.120", sourcePort: 80, destinationPort: 34855,
               expected: "1:LQU9qZlK+B5F3KDmev6m5PMibrg="),
        Vector(proto: 17, source: "192.168.1.52", destination: "8.8.8.8", sourcePort: 54585, destinationPort: 53,
               expected: "1:d/FP5EW3wiY1vCndhwleRRKHowQ="),
        Vector(proto: 17, source: "8.8.8.8", destination: "192.168.1.52", sourcePort: 53, destinationPort: 54585,
               expected: "1:d/FP5EW3wiY1vCndhwleRRKHowQ="),
        Vector(proto: 46, source: "10.1.12.1", destination: "10.1.12.2", sourcePort: 0, destinationPort: 0,
               expected: "1:KHlLkgoJW7ifUTyTSgyVfkFHzKw="),
        Vector(proto: 46, source: "10.1.12.2", destination: "10.1.12.1", sourcePort: 0, destinationPort: 0,
               expected: "1:KHlLkgoJW7ifUTyTSgyVfkFHzKw="),
    ]

    @Test("published baseline vectors", arguments: vectors)
    func baseline(_ vector: Vector) throws {
        let source = try #require(IPAddress(vector.source))
        let destination = try #require(IPAddress(vector.destination))
        let id = CommunityID.v1(source: source, destination: destination, proto: IPProtocol(rawValue: vector.proto),
                                sourcePort: vector.sourcePort, destinationPort: vector.destinationPort)
        #expect(id == vector.expected)
    }

    /// The byte form the flow listing writes: the same text, and nothing past its length.
    @Test("published baseline vectors written as bytes", arguments: vectors)
    func bytes(_ vector: Vector) throws {
        let source = try #require(IPAddress(vector.source))
        let destination = try #require(IPAddress(vector.destination))
        var buffer = [UInt8](repeating: 0xAA, count: CommunityID.v1Length + 3)
        let written = buffer.withUnsafeMutableBytes {
            CommunityID.writeV1(source: source, destination: destination, proto: IPProtocol(rawValue: vector.proto),
                                sourcePort: vector.sourcePort, destinationPort: vector.destinationPort, into: $0)
        }
        #expect(written == CommunityID.v1Length && CommunityID.v1Length == 30)
        #expect(String(decoding: buffer.prefix(written), as: UTF8.self) == vector.expected)
        #expect(buffer.dropFirst(written).allSatisfy { $0 == 0xAA })
    }

    /// Flow records carry the ID of their 5-tuple, the same at every point that saw it.
    @Test("records of one 5-tuple at two points share their ID")
    func records() throws {
        let scenario = try LabScenario(name: "nat-ok")
        let records = try FlowCollector.collect(scenario.inputs(["client", "director-eth0"])).records
        let byTuple = Dictionary(grouping: records, by: Conversation.init)
        for (_, group) in byTuple {
            #expect(Set(group.map(\.communityID)).count == 1)
            #expect(group.count == 2)
        }
    }
}
