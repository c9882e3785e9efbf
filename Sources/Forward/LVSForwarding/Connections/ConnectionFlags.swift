/// The connection flags the model keeps (`IP_VS_CONN_F_*` in include/uapi/linux/ip_vs.h).
public struct ConnectionFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `IP_VS_CONN_F_NOOUTPUT`: no reply seen yet; set for every non-NAT destination, so DR
    /// and TUN entries use the INPUT-ONLY table. The first OUTPUT packet clears it.
    public static let noOutput = ConnectionFlags(rawValue: 1 << 0)
    /// `IP_VS_CONN_F_INACTIVE`: counted in the destination's InActConn. New entries start
    /// inactive (`__ip_vs_update_dest` puts it in the destination's conn_flags).
    public static let inactive = ConnectionFlags(rawValue: 1 << 1)
    /// `IP_VS_CONN_F_TEMPLATE`: a persistence template.
    public static let template = ConnectionFlags(rawValue: 1 << 2)
    /// `IP_VS_CONN_F_ONE_PACKET`: one-packet scheduling; never hashed.
    public static let onePacket = ConnectionFlags(rawValue: 1 << 3)
}
