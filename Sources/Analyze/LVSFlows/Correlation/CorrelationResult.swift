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
    /// The uids of the records correlated, by index: `member(at:uid:)` reads `members` only
    /// for the record it was computed from.
    public var memberUIDs: [FlowUID]

    public init(reference: Int, referencePoint: String, clockOffsets: [ClockOffset], connections: [ServiceConnection],
                membership: [FlowUID: (connection: Int, rewrites: Rewrite)],
                members: [(connection: Int, rewrites: Rewrite)?] = [], memberUIDs: [FlowUID] = []) {
        self.reference = reference
        self.referencePoint = referencePoint
        self.clockOffsets = clockOffsets
        self.connections = connections
        self.membership = membership
        self.members = members
        self.memberUIDs = members.count == memberUIDs.count ? memberUIDs : []
    }

    /// The membership of the record with `uid` at `index` of the records correlated
    /// (`FlowCollection.records`): read by index when that is where the correlation saw
    /// this record, else looked up by uid.
    public func member(at index: Int, uid: FlowUID) -> (connection: Int, rewrites: Rewrite)? {
        memberUIDs.indices.contains(index) && memberUIDs[index] == uid ? members[index] : membership[uid]
    }

    /// The connection a flow record belongs to.
    public func connection(of uid: FlowUID) -> ServiceConnection? {
        membership[uid].map { connections[$0.connection] }
    }
}
