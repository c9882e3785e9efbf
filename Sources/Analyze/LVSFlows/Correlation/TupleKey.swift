import LVSWire

/// A flow's 5-tuple in the originator's direction (plus whether it travelled
/// encapsulated), which names a leg when the MACs do not.
struct TupleKey: Hashable, Comparable, CustomStringConvertible {
    var proto: UInt8
    var origAddress: IPAddress
    var origPort: UInt16
    var respAddress: IPAddress
    var respPort: UInt16

    init(_ record: FlowRecord) {
        proto = record.protocolNumber.rawValue
        origAddress = record.origAddress
        origPort = record.origPort
        respAddress = record.respAddress
        respPort = record.respPort
    }

    /// Whether two tuples can be two legs of one connection: a director rewrites the
    /// destination (NAT, FULL-NAT) and, if it rewrites the source, its address (FULL-NAT's
    /// local address); two connections from one client to one service differ only in
    /// the client's port.
    static func canBeLegs(_ a: TupleKey, _ b: TupleKey) -> Bool {
        guard a != b, a.proto == b.proto else { return false }
        if a.respAddress == b.respAddress, a.respPort == b.respPort { return false }
        if a.origAddress == b.origAddress, a.origPort != b.origPort { return false }
        return true
    }

    var description: String { "\(proto) \(origAddress.withPort(origPort))>\(respAddress.withPort(respPort))" }

    static func < (lhs: TupleKey, rhs: TupleKey) -> Bool {
        (lhs.proto, lhs.origAddress, lhs.origPort, lhs.respAddress, lhs.respPort)
            < (rhs.proto, rhs.origAddress, rhs.origPort, rhs.respAddress, rhs.respPort)
    }
}
