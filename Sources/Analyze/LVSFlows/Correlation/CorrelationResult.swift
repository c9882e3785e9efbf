/// The connections stitched across capture points and legs, and the clocks' offsets.
public struct CorrelationResult: Sendable {
    public typealias Member = (connection: Int, rewrites: Rewrite)

    /// The input whose clock the offsets are relative to.
    public var reference: Int
    public var referencePoint: String
    /// One per input, in input order.
    public var clockOffsets: [ClockOffset]
    /// Connections with at least two legs, by first time, then id.
    public var connections: [ServiceConnection]
    /// For each flow record in a connection: the connection's index, and what changed on
    /// the record's leg(s) relative to the leg before. Made on first use when the
    /// correlation gave it by record index only (the listing, inference and rules read
    /// `member(at:uid:)`; hashing every uid would cost them about 3% of a run).
    public var membership: [FlowUID: Member] { byUID.value }
    /// The same by record index in the records correlated (`FlowCollection.records`): an
    /// array read instead of a hashed lookup per record.
    public private(set) var members: [Member?]
    /// The uids of the records correlated, by index: `member(at:uid:)` reads `members` only
    /// for the record it was computed from.
    public private(set) var memberUIDs: [FlowUID]
    private let byUID: MembershipByUID

    public init(reference: Int, referencePoint: String, clockOffsets: [ClockOffset], connections: [ServiceConnection],
                membership: [FlowUID: Member], members: [Member?] = [], memberUIDs: [FlowUID] = []) {
        self.init(reference: reference, referencePoint: referencePoint, clockOffsets: clockOffsets,
                  connections: connections, members: members, memberUIDs: memberUIDs,
                  byUID: MembershipByUID(membership))
    }

    /// Membership by record index only; the uid map is derived from it when asked for.
    init(reference: Int, referencePoint: String, clockOffsets: [ClockOffset], connections: [ServiceConnection],
         members: [Member?], memberUIDs: [FlowUID]) {
        self.init(reference: reference, referencePoint: referencePoint, clockOffsets: clockOffsets,
                  connections: connections, members: members, memberUIDs: memberUIDs,
                  byUID: MembershipByUID(members: members, uids: memberUIDs))
    }

    private init(reference: Int, referencePoint: String, clockOffsets: [ClockOffset], connections: [ServiceConnection],
                 members: [Member?], memberUIDs: [FlowUID], byUID: MembershipByUID) {
        self.reference = reference
        self.referencePoint = referencePoint
        self.clockOffsets = clockOffsets
        self.connections = connections
        self.members = members
        self.memberUIDs = members.count == memberUIDs.count ? memberUIDs : []
        self.byUID = byUID
    }

    /// The membership of the record with `uid` at `index` of the records correlated
    /// (`FlowCollection.records`): read by index when that is where the correlation saw
    /// this record, else looked up by uid.
    public func member(at index: Int, uid: FlowUID) -> Member? {
        memberUIDs.indices.contains(index) && memberUIDs[index] == uid ? members[index] : membership[uid]
    }

    /// The connection a flow record belongs to.
    public func connection(of uid: FlowUID) -> ServiceConnection? {
        membership[uid].map { connections[$0.connection] }
    }
}
