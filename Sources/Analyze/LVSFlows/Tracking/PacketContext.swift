import LVSCapture
import LVSDecode
import LVSWire

/// The per-packet facts every protocol's update needs, copied out of the record and the
/// decoded packet once.
struct PacketContext {
    var time: Int64
    var frame: UInt32
    var subPoint: UInt16
    var leg: UInt16
    var vlans: UInt32
    var ttl: UInt8
    /// IPv4 identification; for IPv6 the fragment header's (usually 0).
    var ipID: UInt16
    var ipTotalLength: Int
    /// SLL packet type, for cooked captures.
    var cookedPacketType: UInt8?
    var source: IPAddress
    var destination: IPAddress
    /// The outer header when the packet came through IP-in-IP or GRE.
    var encapsulation: TunnelState?
    /// The IPv4 header carried options (DPVS's UOA is option 31).
    var ipOptions: Bool
    /// `PayloadDigest.digest(of:in:)` of the packet: 0 when it has no payload or not all
    /// of the digested prefix was captured.
    var digest: UInt32

    init(record: PacketRecord, packet: UnsafePointer<DecodedPacket>, ip: IPInfo, digest: UInt32, subPoint: UInt16,
         leg: UInt16) {
        time = record.timestamp.rawValue
        frame = UInt32(clamping: record.frameNumber)
        self.subPoint = subPoint
        self.leg = leg
        vlans = FlowKey.vlanBits(outer: packet.pointee.link.outerVLAN, inner: packet.pointee.link.innerVLAN)
        ttl = ip.ttl
        ipID = UInt16(truncatingIfNeeded: ip.identification)
        ipTotalLength = ip.totalLength
        cookedPacketType = packet.pointee.link.cookedPacketType
        source = ip.source
        destination = ip.destination
        ipOptions = packet.pointee.anomalies.contains(.ipv4Options)
        self.digest = digest
        if let kind = packet.pointee.tunnelKind, let outer = packet.pointee.ip {
            encapsulation = TunnelState(kind: kind, source: outer.source, destination: outer.destination)
        }
    }

    /// Capture time in milliseconds modulo 2^16 (for `CopyRing`).
    var milliseconds: UInt16 { UInt16(truncatingIfNeeded: time / 1_000_000) }
}
