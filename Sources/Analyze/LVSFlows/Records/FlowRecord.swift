import LVSCapture
import LVSConfig
import LVSWire

/// One flow at one capture point, as emitted when it ends: the immutable, owned value the
/// inference and rules read. Its columns follow Zeek's `Conn::Info` (conn.log) — `ts`,
/// `uid`, the endpoints as orig/resp, `conn_state`, `history`, packets and bytes per side —
/// extended with what LVS analysis needs: link legs (MAC pairs), forwarded copies,
/// retransmissions, TTLs, TOA, ICMP errors, tunnel endpoints and the fingerprint that
/// correlation matches across points.
public struct FlowRecord: Sendable {
    public var uid: FlowUID
    /// The capture point or sub-point (`NAME/IFACE`).
    public var point: CapturePointName
    /// Index of the capture input (file) the flow was seen in.
    public var input: Int
    public var protocolNumber: IPProtocol
    public var origAddress: IPAddress
    public var respAddress: IPAddress
    /// TCP/UDP ports; for ICMP Zeek's convention: the type, and the counterpart type
    /// (echo request ↔ reply, ...) or else the code.
    public var origPort: UInt16
    public var respPort: UInt16
    /// ICMP echo identifier.
    public var icmpIdentifier: UInt16?
    public var outerVLAN: UInt16?
    public var innerVLAN: UInt16?
    public var firstTime: Timestamp
    public var lastTime: Timestamp
    @inlinable public var firstFrame: Int {
        get { Int(frames.first) }
        set { frames.first = UInt32(clamping: newValue) }
    }
    @inlinable public var lastFrame: Int {
        get { Int(frames.last) }
        set { frames.last = UInt32(clamping: newValue) }
    }
    public var state: ConnState
    /// Zeek's history letters (upper case: originator), at most 15.
    public var history: String
    /// The originator is not the first packet's sender (Zeek's `^`).
    public var flipped: Bool
    public var orig: FlowDirectionStats
    public var resp: FlowDirectionStats
    /// Packets seen a second time on another link leg (forwarded by the capturing host,
    /// or by a DR director on a segment capture); not counted in the packets above.
    @inlinable public var forwardedCopies: Int {
        get { Int(counts.forwardedCopies) }
        set { counts.forwardedCopies = UInt32(clamping: newValue) }
    }
    /// Frames of the orig's first SYN, the first SYN-ACK, the first payload, the first RST.
    @inlinable public var synFrame: Int? {
        get { FrameNumbers.read(frames.syn) }
        set { frames.syn = FrameNumbers.stored(newValue) }
    }
    @inlinable public var synAckFrame: Int? {
        get { FrameNumbers.read(frames.synAck) }
        set { frames.synAck = FrameNumbers.stored(newValue) }
    }
    @inlinable public var firstDataFrame: Int? {
        get { FrameNumbers.read(frames.data) }
        set { frames.data = FrameNumbers.stored(newValue) }
    }
    @inlinable public var firstResetFrame: Int? {
        get { FrameNumbers.read(frames.reset) }
        set { frames.reset = FrameNumbers.stored(newValue) }
    }
    /// Link legs per direction, in order of first use (at most four; `otherLegPackets`
    /// counts packets on further legs).
    public var linkLegs: [LinkLegCount]
    @inlinable public var otherLegPackets: Int {
        get { Int(counts.otherLegPackets) }
        set { counts.otherLegPackets = UInt32(clamping: newValue) }
    }
    public var toa: TOAObservation? {
        @inlinable get { rare?.values.toa }
        set { updateRare { $0.toa = newValue } }
    }
    /// TCP option bytes left (40 − options length) on the SYN and on the handshake ACK:
    /// room for a TOA (8 bytes IPv4, 20 IPv6).
    @inlinable public var optionRoomSYN: Int? {
        get { counts.optionRoomSYN == Self.noRoom ? nil : Int(counts.optionRoomSYN) }
        set { counts.optionRoomSYN = newValue.map { UInt8(clamping: min($0, Int(Self.noRoom) - 1)) } ?? Self.noRoom }
    }
    @inlinable public var optionRoomHandshakeACK: Int? {
        get { counts.optionRoomACK == Self.noRoom ? nil : Int(counts.optionRoomACK) }
        set { counts.optionRoomACK = newValue.map { UInt8(clamping: min($0, Int(Self.noRoom) - 1)) } ?? Self.noRoom }
    }
    public var icmpErrors: ICMPErrorSummary? {
        @inlinable get { rare?.values.icmpErrors }
        set { updateRare { $0.icmpErrors = newValue } }
    }
    /// Some packet of the flow carried IPv4 options: where DPVS puts the UDP client
    /// address (UOA, option type 31, lvs-reference.md §2.5) toward a FULL-NAT real server.
    public var ipOptions: Bool
    public var tunnel: TunnelEndpoints? {
        @inlinable get { rare?.values.tunnel }
        set { updateRare { $0.tunnel = newValue } }
    }
    public var fingerprint: FlowFingerprint
    /// The IPVS connection state the flow's packets would have left an entry in.
    public var ipvsState: IPVSTCPState
    public var end: FlowEnd
    // Frame numbers and counts the tracker keeps in 32 bits (frames are numbered from 1:
    // 0 stands for none), and the option rooms in a byte: a record is read in whole
    // passes, a million at a time, and fills fresh memory page by page when made.
    @usableFromInline var frames: FrameNumbers
    @usableFromInline var counts: SmallCounts
    @usableFromInline static var noRoom: UInt8 { 0xFF }
    /// TOA, ICMP errors and tunnel, which few flows have (168 of the record's bytes
    /// inline): out of line, shared by copies, nil when none is set.
    @usableFromInline private(set) var rare: FlowRecordRareFields?

    init(uid: FlowUID, point: CapturePointName, input: Int, protocolNumber: IPProtocol, origAddress: IPAddress,
         respAddress: IPAddress, origPort: UInt16, respPort: UInt16, icmpIdentifier: UInt16?, outerVLAN: UInt16?,
         innerVLAN: UInt16?, firstTime: Timestamp, lastTime: Timestamp, firstFrame: Int, lastFrame: Int,
         state: ConnState, history: String, flipped: Bool, orig: FlowDirectionStats, resp: FlowDirectionStats,
         forwardedCopies: Int, synFrame: Int?, synAckFrame: Int?, firstDataFrame: Int?, firstResetFrame: Int?,
         linkLegs: [LinkLegCount], otherLegPackets: Int, toa: TOAObservation?, optionRoomSYN: Int?,
         optionRoomHandshakeACK: Int?, icmpErrors: ICMPErrorSummary?, ipOptions: Bool, tunnel: TunnelEndpoints?,
         fingerprint: FlowFingerprint, ipvsState: IPVSTCPState, end: FlowEnd) {
        self.uid = uid
        self.point = point
        self.input = input
        self.protocolNumber = protocolNumber
        self.origAddress = origAddress
        self.respAddress = respAddress
        self.origPort = origPort
        self.respPort = respPort
        self.icmpIdentifier = icmpIdentifier
        self.outerVLAN = outerVLAN
        self.innerVLAN = innerVLAN
        self.firstTime = firstTime
        self.lastTime = lastTime
        frames = FrameNumbers(first: UInt32(clamping: firstFrame), last: UInt32(clamping: lastFrame),
                              syn: FrameNumbers.stored(synFrame), synAck: FrameNumbers.stored(synAckFrame),
                              data: FrameNumbers.stored(firstDataFrame), reset: FrameNumbers.stored(firstResetFrame))
        counts = SmallCounts(forwardedCopies: UInt32(clamping: forwardedCopies),
                             otherLegPackets: UInt32(clamping: otherLegPackets), optionRoomSYN: Self.noRoom,
                             optionRoomACK: Self.noRoom)
        self.state = state
        self.history = history
        self.flipped = flipped
        self.orig = orig
        self.resp = resp
        self.linkLegs = linkLegs
        self.ipOptions = ipOptions
        self.fingerprint = fingerprint
        self.ipvsState = ipvsState
        self.end = end
        self.optionRoomSYN = optionRoomSYN
        self.optionRoomHandshakeACK = optionRoomHandshakeACK
        let values = FlowRecordRareFields.Values(toa: toa, icmpErrors: icmpErrors, tunnel: tunnel)
        rare = values.isEmpty ? nil : FlowRecordRareFields(values)
    }

    private mutating func updateRare(_ change: (inout FlowRecordRareFields.Values) -> Void) {
        var values = rare?.values ?? FlowRecordRareFields.Values()
        change(&values)
        rare = values.isEmpty ? nil : FlowRecordRareFields(values)
    }

    /// `lastTime − firstTime`.
    public var duration: Timestamp { Timestamp(rawValue: lastTime.rawValue - firstTime.rawValue) }

    /// The leg of each direction's first packet.
    public func primaryLeg(_ direction: FlowDirection) -> LinkLeg? {
        linkLegs.first { $0.direction == direction }?.leg
    }
}
