/// Protocol oddities worth reporting that do not stop decoding (Zeek's "weird"s).
///
/// Kept apart from malformed input (a `WireError`) and from capture artifacts
/// (truncation, checksum offload), as DESIGN.md §2 requires.
public struct Anomalies: OptionSet, Hashable, Sendable {
    public var rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    // Computed, not stored constants: read from another module (the flow tracker checks
    // `.ipv4Options` per packet), a stored one went through its lazy-initialisation accessor.
    /// An EtherType or cooked protocol the decoder does not read.
    @inlinable public static var unknownEtherType: Anomalies { Anomalies(rawValue: 1 << 0) }
    /// More than two 802.1Q/802.1ad tags.
    @inlinable public static var deepVLANStack: Anomalies { Anomalies(rawValue: 1 << 1) }
    /// IPv4 total length 0: the capturing host's TSO/GSO wrote the length later.
    @inlinable public static var offloadedIPLength: Anomalies { Anomalies(rawValue: 1 << 2) }
    /// Bytes after the IP packet beyond what Ethernet minimum-frame padding explains.
    @inlinable public static var trailingBytes: Anomalies { Anomalies(rawValue: 1 << 3) }
    /// IPv4 options present (rare, and LVS does not rewrite them).
    @inlinable public static var ipv4Options: Anomalies { Anomalies(rawValue: 1 << 4) }
    /// A TCP option with an impossible length.
    @inlinable public static var malformedTCPOptions: Anomalies { Anomalies(rawValue: 1 << 5) }
    /// A TOA option kind with a length other than 8 or 20.
    @inlinable public static var malformedTOA: Anomalies { Anomalies(rawValue: 1 << 6) }
    /// Tunnels nested deeper than the decoder follows.
    @inlinable public static var deepTunnel: Anomalies { Anomalies(rawValue: 1 << 7) }
    /// A later fragment: its transport header is in the first fragment.
    @inlinable public static var laterFragment: Anomalies { Anomalies(rawValue: 1 << 8) }
    /// TTL or hop limit 0 on the wire.
    @inlinable public static var zeroTTL: Anomalies { Anomalies(rawValue: 1 << 9) }
    /// An IPv6 extension-header chain the decoder stops inside (ESP, unknown header).
    @inlinable public static var opaqueIPv6Payload: Anomalies { Anomalies(rawValue: 1 << 10) }
    /// The IP version in the header disagrees with the link layer's protocol field.
    @inlinable public static var versionMismatch: Anomalies { Anomalies(rawValue: 1 << 11) }

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
