import LVSWire

/// What one flow record at one capture point shows about the mode, before it is merged
/// with the same connection's records at other points into a `Sighting`.
struct Reading {
    var mode: InferredMode
    var basis: ModeBasis
    /// The VIP is the record's destination (false at a NAT or FULL-NAT real server).
    var vipVisible: Bool
    var server: Sighting.Server?
    var localAddress: IPAddress?
    var vipMAC: MACAddress?
    var directorMACs: [MACAddress] = []
    var detail: String?

    init(_ mode: InferredMode, _ basis: ModeBasis, vipVisible: Bool) {
        self.mode = mode
        self.basis = basis
        self.vipVisible = vipVisible
    }
}
