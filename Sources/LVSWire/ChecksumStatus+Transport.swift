/// Verification of checksums that cover a pseudo-header: TCP (RFC 9293 §3.1), UDP
/// (RFC 768; RFC 8200 §8.1 for IPv6) and ICMPv6 (RFC 4443 §2.3).
///
/// `segment` is the captured transport bytes and `declaredLength` the length the IP
/// layer declares for them (`IPv4View.declaredPayloadLength`,
/// `IPv6ExtensionChain.declaredUpperLayerLength(of:)`).
extension ChecksumStatus {
    /// The transport protocols whose checksum covers a pseudo-header.
    public enum TransportKind: Hashable, Sendable {
        case tcp, udp, icmpv6

        @inlinable var checksumOffset: Int {
            switch self {
            case .tcp: TCPView.Field.checksum
            case .udp: UDPView.Field.checksum
            case .icmpv6: ICMPv6View.Field.checksum
            }
        }

        @inlinable var ipProtocol: IPProtocol {
            switch self {
            case .tcp: .tcp
            case .udp: .udp
            case .icmpv6: .icmpv6
            }
        }
    }

    /// `offloadSums` gives the values a sender under offload leaves in the field: the
    /// folded pseudo-header sum with the length (Linux CHECKSUM_PARTIAL) and without it
    /// (Windows large-send offload, per the NDIS LSO rules). Asked for only when the
    /// field is wrong or the data was not all captured: most packets never need them.
    @inlinable
    init(transport kind: TransportKind, segment: UnsafeRawBufferPointer, declaredLength: Int,
         pseudoHeader: InternetChecksum, offloadSums: () -> (UInt16, UInt16), zeroMeansAbsent: Bool) {
        let fieldOffset = kind.checksumOffset
        guard segment.count >= fieldOffset + 2 else {
            self = .notVerifiable
            return
        }
        let field = segment.u16(at: fieldOffset)
        if zeroMeansAbsent, field == 0 {
            self = .zero
            return
        }
        func isOffloadSum() -> Bool {
            guard kind != .icmpv6 else { return false }
            let sums = offloadSums()
            return field == sums.0 || field == sums.1
        }
        guard fieldOffset + 2 <= declaredLength, declaredLength <= segment.count else {
            // The offload value is recognisable without the data: a snaplen-cut capture on
            // the sending host still shows it.
            self = isOffloadSum() ? .partial : .notVerifiable
            return
        }
        var sum = pseudoHeader
        sum.add(bytes: segment.slice(from: 0, length: declaredLength))
        self.init(sum: sum, field: field)
        if isBad, isOffloadSum() {
            self = .partial
        } else if kind == .udp, case .bad(expected: 0) = self {
            // RFC 768: a computed zero is transmitted as all ones.
            self = .bad(expected: 0xFFFF)
        }
    }

    @inlinable
    public init(verifying kind: TransportKind, segment: UnsafeRawBufferPointer, declaredLength: Int,
                source: IPv4Address, destination: IPv4Address) {
        let pseudo = InternetChecksum.pseudoHeader(source: source, destination: destination,
                                                   protocol: kind.ipProtocol, length: declaredLength)
        self.init(transport: kind, segment: segment, declaredLength: declaredLength, pseudoHeader: pseudo,
                  offloadSums: {
                      (pseudo.folded, InternetChecksum.pseudoHeader(source: source, destination: destination,
                                                                    protocol: kind.ipProtocol, length: 0).folded)
                  }, zeroMeansAbsent: kind == .udp)
    }

    /// Over IPv6 a zero UDP checksum is not "absent" but wrong (RFC 8200 §8.1).
    @inlinable
    public init(verifying kind: TransportKind, segment: UnsafeRawBufferPointer, declaredLength: Int,
                source: IPv6Address, destination: IPv6Address) {
        let pseudo = InternetChecksum.pseudoHeader(source: source, destination: destination,
                                                   protocol: kind.ipProtocol, length: declaredLength)
        self.init(transport: kind, segment: segment, declaredLength: declaredLength, pseudoHeader: pseudo,
                  offloadSums: {
                      (pseudo.folded, InternetChecksum.pseudoHeader(source: source, destination: destination,
                                                                    protocol: kind.ipProtocol, length: 0).folded)
                  }, zeroMeansAbsent: false)
    }

    /// The transport checksum of an IPv4 packet (TCP, UDP or ICMP by its protocol);
    /// `.notVerifiable` for fragments (the checksum covers the reassembled datagram) and
    /// for other protocols.
    @inlinable
    public init(verifyingTransportOf ip: IPv4View) {
        guard !ip.isFragment else {
            self = .notVerifiable
            return
        }
        switch ip.protocol {
        case .tcp, .udp:
            self.init(verifying: ip.protocol == .tcp ? .tcp : .udp, segment: ip.payload,
                      declaredLength: ip.declaredPayloadLength, source: ip.source, destination: ip.destination)
        case .icmp:
            self.init(verifyingICMPv4: ip.payload, declaredLength: ip.declaredPayloadLength)
        default:
            self = .notVerifiable
        }
    }

    /// The transport checksum of an IPv6 packet (TCP, UDP or ICMPv6 by the chain's upper
    /// layer); `.notVerifiable` for fragments, while a routing header still has segments
    /// left (the destination field is not the final one), and for other protocols.
    @inlinable
    public init(verifyingTransportOf ip: IPv6View, chain: IPv6ExtensionChain) {
        let kind: TransportKind
        switch chain.upperLayerProtocol {
        case .tcp: kind = .tcp
        case .udp: kind = .udp
        case .icmpv6: kind = .icmpv6
        default:
            self = .notVerifiable
            return
        }
        guard chain.end == .upperLayer, chain.fragment == nil, (chain.routingSegmentsLeft ?? 0) == 0 else {
            self = .notVerifiable
            return
        }
        self.init(verifying: kind, segment: chain.upperLayerBytes(of: ip),
                  declaredLength: chain.declaredUpperLayerLength(of: ip), source: ip.source,
                  destination: ip.destination)
    }
}
