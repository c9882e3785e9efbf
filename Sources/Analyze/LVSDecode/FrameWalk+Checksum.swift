import LVSWire

extension FrameWalk {
    /// Verifies the TCP, UDP, ICMP or ICMPv6 checksum of the segment at `offset` whose
    /// IP header declares `length` bytes; the pseudo-header's addresses are read from
    /// that header in the frame.
    @usableFromInline
    func transportChecksum(of offset: Int, length: Int, in ip: IPContext, proto: IPProtocol) -> ChecksumStatus {
        guard !ip.isRoutedOnward else { return .notVerifiable }
        let segment = bytes(from: offset)
        if ip.version == 4 {
            let source = IPv4Address(reading: frame, at: ip.offset + IPv4View.Field.source)
            let destination = IPv4Address(reading: frame, at: ip.offset + IPv4View.Field.destination)
            switch proto {
            case .tcp: return ChecksumStatus(verifying: .tcp, segment: segment, declaredLength: length,
                                             source: source, destination: destination)
            case .udp: return ChecksumStatus(verifying: .udp, segment: segment, declaredLength: length,
                                             source: source, destination: destination)
            case .icmp: return ChecksumStatus(verifyingICMPv4: segment, declaredLength: length)
            default: return .notVerifiable
            }
        } else {
            let source = IPv6Address(reading: frame, at: ip.offset + IPv6View.Field.source)
            let destination = IPv6Address(reading: frame, at: ip.offset + IPv6View.Field.destination)
            let kind: ChecksumStatus.TransportKind
            switch proto {
            case .tcp: kind = .tcp
            case .udp: kind = .udp
            case .icmpv6: kind = .icmpv6
            default: return .notVerifiable
            }
            return ChecksumStatus(verifying: kind, segment: segment, declaredLength: length,
                                  source: source, destination: destination)
        }
    }
}
