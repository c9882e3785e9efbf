/// The forwarding mode a service shows on the wire, in the contract's spelling.
public enum InferredMode: String, Hashable, Sendable, CaseIterable {
    /// Masquerading (ipvsadm `-m`): destination rewritten toward the real server, replies
    /// back through the director.
    case nat
    /// Direct routing (`-g`): only the destination MAC changes; replies bypass the director.
    case dr
    /// Tunnelling (`-i`): the request is encapsulated toward the real server.
    case tun
    /// FULL-NAT (DPVS/Alibaba `-b`): both addresses rewritten, director local address.
    case fullnat
    /// Not enough evidence; the verdict's evidence names the capture point that would decide.
    case unknown
}
