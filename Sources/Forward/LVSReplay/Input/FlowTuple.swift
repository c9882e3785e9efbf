import LVSWire

/// A transport 5-tuple in one direction.
struct FlowTuple: Hashable, Sendable, CustomStringConvertible {
    var proto: IPProtocol
    var source: IPAddress
    var sourcePort: UInt16
    var destination: IPAddress
    var destinationPort: UInt16

    var reversed: FlowTuple {
        FlowTuple(proto: proto, source: destination, sourcePort: destinationPort, destination: source,
                  destinationPort: sourcePort)
    }

    var description: String {
        "\(proto.replayName) \(source.withPort(sourcePort)) -> \(destination.withPort(destinationPort))"
    }
}

/// One client connection as the model keys it: the client's address and port and the
/// virtual service it reached. Requests carry it as source/destination; replies reversed.
typealias ClientFlow = FlowTuple

extension IPProtocol {
    /// Lower-case protocol name for reports.
    var replayName: String {
        switch self {
        case .tcp: "tcp"
        case .udp: "udp"
        case .icmp: "icmp"
        case .icmpv6: "icmpv6"
        case .sctp: "sctp"
        default: "proto \(rawValue)"
        }
    }
}
