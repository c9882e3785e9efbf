/// The connections stitched across capture points and legs, and the clocks' offsets.
public struct CorrelationResult: Sendable {
    /// The input whose clock the offsets are relative to.
    public var reference: Int
    public var referencePoint: String
    /// One per input, in input order.
    public var clockOffsets: [ClockOffset]
    /// Connections with at least two legs, by first time, then id.
    public var connections: [ServiceConnection]
    /// For each flow record in a connection: the connection's index, and what changed on
    /// the record's leg(s) relative to the leg before.
    public var membership: [FlowUID: (connection: Int, rewrites: Rewrite)]
    /// The same by record index in the records correlated (`FlowCollection.records`): an
    /// array read instead of a hashed lookup per record.
    public var members: [(connection: Int, rewrites: Rewrite)?]

    public init(reference: Int, referencePoint: String, clockOffsets: [ClockOffset], connections: [ServiceConnection],
                membership: [FlowUID: (connection: Int, rewrites: Rewrite)],
                members: [(connection: Int, rewrites: Rewrite)?]) {
        self.reference = reference
        self.referencePoint = referencePoint
        self.clockOffsets = clockOffsets
        self.connections = connections
        self.membership = membership
        self.members = members
    }

    /// The membership of `records[index]`, where `records` are the `count` records
    /// correlated (`FlowCollection.records`): read by index, or by uid when `members` does
    /// not cover that many records.
    public func member(at index: Int, of count: Int, uid: FlowUID) -> (connection: Int, rewrites: Rewrite)? {
        members.count == count ? members[index] : membership[uid]
    }

    /// The connection a flow record belongs to.
    public func connection(of uid: FlowUID) -> ServiceConnection? {
        membership[uid].map { connections[$0.connection] }
    }
}
