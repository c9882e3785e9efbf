/// Protocol oddities worth reporting that do not stop decoding (Zeek's "weird"s).
///
/// Kept apart from malformed input (a `WireError`) and from capture artifacts
/// (truncation, checksum offload), as DESIGN.md §2 requires.
public struct Anomalies: OptionSet, Hashable, Sendable {
    public var rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// An EtherType or cooked protocol the decoder does not read.
    public static let unknownEtherType = Anomalies(rawValue: 1 << 0)
    /// More than two 802.1Q/802.1ad tags.
    public static let deepVLANStack = Anomalies(rawValue: 1 << 1)
    /// IPv4 total length 0: the capturing host's TSO/GSO wrote the length later.
    public static let offloadedIPLength = Anomalies(rawValue: 1 << 2)
    /// Bytes after the IP packet beyond what Ethernet minimum-frame padding explains.
    public static let trailingBytes = Anomalies(rawValue: 1 << 3)
    /// IPv4 options present (rare, and LVS does not rewrite them).
    public static let ipv4Options = Anomalies(rawValue: 1 << 4)
    /// A TCP option with an impossible length.
    public static let malformedTCPOptions = Anomalies(rawValue: 1 << 5)
    /// A TOA option kind with a length other than 8 or 20.
    public static let malformedTOA = Anomalies(rawValue: 1 << 6)
    /// Tunnels nested deeper than the decoder follows.
    public static let deepTunnel = Anomalies(rawValue: 1 << 7)
    /// A later fragment: its transport header is in the first fragment.
    public static let laterFragment = Anomalies(rawValue: 1 << 8)
    /// TTL or hop limit 0 on the wire.
    public static let zeroTTL = Anomalies(rawValue: 1 << 9)
    /// An IPv6 extension-header chain the decoder stops inside (ESP, unknown header).
    public static let opaqueIPv6Payload = Anomalies(rawValue: 1 << 10)
    /// The IP version in the header disagrees with the link layer's protocol field.
    public static let versionMismatch = Anomalies(rawValue: 1 << 11)

    /// Short names for reports, in bit order.
    public static let names: [(Anomalies, String)] = [
        (.unknownEtherType, "unknown-ethertype"), (.deepVLANStack, "deep-vlan-stack"),
        (.offloadedIPLength, "offloaded-ip-length"), (.trailingBytes, "trailing-bytes"),
        (.ipv4Options, "ipv4-options"), (.malformedTCPOptions, "malformed-tcp-options"),
        (.malformedTOA, "malformed-toa"), (.deepTunnel, "deep-tunnel"),
        (.laterFragment, "later-fragment"), (.zeroTTL, "zero-ttl"),
        (.opaqueIPv6Payload, "opaque-ipv6-payload"), (.versionMismatch, "version-mismatch"),
    ]

    public var names: [String] { Anomalies.names.filter { contains($0.0) }.map(\.1) }
}
