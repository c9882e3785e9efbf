import LVSCapture
import LVSConfig
import LVSWire

/// One flow at one capture point, as emitted when it ends: the immutable, owned value the
/// inference and rules read. Its columns follow Zeek's `Conn::Info` (conn.log) — `ts`,
/// `uid`, the endpoints as orig/resp, `conn_state`, `history`, packets and bytes per side —
/// extended with what LVS analysis needs: link legs (MAC pairs), forwarded copies,
/// retransmissions, TTLs, TOA, ICMP errors, tunnel endpoints and the fingerprint that
/// correlation matches across points.
///
/// Frame numbers and counts are stored in 32 bits and option rooms in a byte, as the
/// tracker keeps them (`Count32`, `FrameNumber`, `OptionRoom`), behind `Int` properties: a
/// record is read in whole passes, a million at a time, and fills fresh memory page by
/// page when made.
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
    @Count32 public var firstFrame: Int
    @Count32 public var lastFrame: Int
    public var state: ConnState
    /// Zeek's history letters (upper case: originator), at most 15.
    public var history: String
    /// The originator is not the first packet's sender (Zeek's `^`).
    public var flipped: Bool
    public var orig: FlowDirectionStats
    public var resp: FlowDirectionStats
    /// Packets seen a second time on another link leg (forwarded by the capturing host,
    /// or by a DR director on a segment capture); not counted in the packets above.
    @Count32 public var forwardedCopies: Int
    /// Frames of the orig's first SYN, the first SYN-ACK, the first payload, the first RST.
    @FrameNumber public var synFrame: Int?
    @FrameNumber public var synAckFrame: Int?
    @FrameNumber public var firstDataFrame: Int?
    @FrameNumber public var firstResetFrame: Int?
    /// Link legs per direction, in order of first use (at most four; `otherLegPackets`
    /// counts packets on further legs).
    public var linkLegs: [LinkLegCount]
    @Count32 public var otherLegPackets: Int
    public var toa: TOAObservation? {
        @inlinable get { rare?.values.toa }
        set { updateRare { $0.toa = newValue } }
    }
    /// TCP option bytes left (40 − options length) on the SYN and on the handshake ACK:
    /// room for a TOA (8 bytes IPv4, 20 IPv6).
    @OptionRoom public var optionRoomSYN: Int?
    @OptionRoom public var optionRoomHandshakeACK: Int?
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
        self.firstFrame = firstFrame
        self.lastFrame = lastFrame
        self.state = state
        self.history = history
        self.flipped = flipped
        self.orig = orig
        self.resp = resp
        self.forwardedCopies = forwardedCopies
        self.synFrame = synFrame
        self.synAckFrame = synAckFrame
        self.firstDataFrame = firstDataFrame
        self.firstResetFrame = firstResetFrame
        self.linkLegs = linkLegs
        self.otherLegPackets = otherLegPackets
        self.optionRoomSYN = optionRoomSYN
        self.optionRoomHandshakeACK = optionRoomHandshakeACK
        self.ipOptions = ipOptions
        self.fingerprint = fingerprint
        self.ipvsState = ipvsState
        self.end = end
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
