import LVSFlows
import LVSWire

/// A flow's 5-tuple in its originator's direction at one capture input, VLANs aside.
struct TupleAtInput: Hashable {
    var input: Int
    var proto: UInt8
    var origAddress: IPAddress
    var origPort: UInt16
    var respAddress: IPAddress
    var respPort: UInt16

    init(_ record: FlowRecord) {
        self.init(input: record.input, proto: record.protocolNumber.rawValue, origAddress: record.origAddress,
                  origPort: record.origPort, respAddress: record.respAddress, respPort: record.respPort)
    }

    init(input: Int, proto: UInt8, origAddress: IPAddress, origPort: UInt16, respAddress: IPAddress,
         respPort: UInt16) {
        self.input = input
        self.proto = proto
        self.origAddress = origAddress
        self.origPort = origPort
        self.respAddress = respAddress
        self.respPort = respPort
    }

    init(_ leg: ConnectionLeg, input: Int) {
        self.init(input: input, proto: leg.protocolNumber.rawValue, origAddress: leg.origAddress,
                  origPort: leg.origPort, respAddress: leg.respAddress, respPort: leg.respPort)
    }

    /// Three words for IPv4 (five for IPv6) instead of field by field with the addresses'
    /// cases: inference hashes a tuple for most flow records.
    func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(truncatingIfNeeded: input) << 40 | UInt64(proto) << 32 | UInt64(origPort) << 16
            | UInt64(respPort))
        Self.combine(origAddress, into: &hasher)
        Self.combine(respAddress, into: &hasher)
    }

    private static func combine(_ address: IPAddress, into hasher: inout Hasher) {
        switch address {
        case let .v4(v4): hasher.combine(v4.rawValue)
        case let .v6(v6):
            hasher.combine(v6.high)
            hasher.combine(v6.low)
        }
    }
}
