import LVSWire

extension FrameWalk {
    /// Verifies the TCP, UDP, ICMP or ICMPv6 checksum of the segment at `offset` whose
    /// IP header declares `length` bytes.
    @usableFromInline
    func transportChecksum(of offset: Int, length: Int, in ip: IPInfo, proto: IPProtocol) -> ChecksumStatus {
        let segment = bytes(from: offset)
        switch (ip.source, ip.destination) {
        case let (.v4(source), .v4(destination)):
            switch proto {
            case .tcp: return ChecksumStatus(verifying: .tcp, segment: segment, declaredLength: length,
                                             source: source, destination: destination)
            case .udp: return ChecksumStatus(verifying: .udp, segment: segment, declaredLength: length,
                                             source: source, destination: destination)
            case .icmp: return ChecksumStatus(verifyingICMPv4: segment, declaredLength: length)
            default: return .notVerifiable
            }
        case let (.v6(source), .v6(destination)):
            let kind: ChecksumStatus.TransportKind
            switch proto {
            case .tcp: kind = .tcp
            case .udp: kind = .udp
            case .icmpv6: kind = .icmpv6
            default: return .notVerifiable
            }
            return ChecksumStatus(verifying: kind, segment: segment, declaredLength: length,
                                  source: source, destination: destination)
        default:
            return .notVerifiable
        }
    }
}
