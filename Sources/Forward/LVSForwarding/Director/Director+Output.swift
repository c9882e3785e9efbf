import LVSWire

/// The common output steps: the request path's TTL and MTU checks (`decrement_ttl`,
/// `ensure_mtu_is_adequate` in ip_vs_xmit.c), ICMP errors, and sending a frame out of a
/// side (with `ip_fragment` when an IPv4 packet without DF exceeds the link MTU).
extension Director {
    /// The MAC an error or reply toward `address` on `side` goes to.
    func nextHop(toward address: IPAddress, on side: Side, fallback: MACAddress) -> MACAddress {
        side == .client ? topology.clientRouter : (topology.nextHop(toward: address) ?? fallback)
    }

    /// Sends an ICMP error about `offending` (an IP packet) back out of `side`.
    mutating func emitICMPError(_ kind: ICMPErrorKind, about offending: UnsafeRawBufferPointer, from source: IPAddress,
                                to destination: IPAddress, side: Side, previousHop: MACAddress, time: Timestamp,
                                buffer: PacketBuffer, into emissions: inout Emissions) {
        let builder = ICMPErrorBuilder(
            kind: kind, source: source, destination: destination, ttl: settings.icmpTTL,
            identification: nextIdentification(),
            destinationMAC: nextHop(toward: destination, on: side, fallback: previousHop),
            sourceMAC: topology.interface(side).mac)
        builder.build(into: buffer, quoting: offending)
        emissions.append(Emission(verdict: .icmpError(kind), side: side, time: time, frame: buffer))
    }

    /// Copies the input frame (cut to the IP length) into a fresh buffer.
    mutating func copyFrame(_ input: Input, into emissions: inout Emissions) -> PacketBuffer {
        let buffer = emissions.takeBuffer()
        buffer.load(input.frame.slice(from: 0, length: input.parsed.end))
        return buffer
    }

    /// `__ip_vs_get_out_rt` for a request: TTL check and decrement (kernels ≥ 4.10), then the
    /// MTU check. `mtu` already excludes tunnel overhead. Returns false after emitting the
    /// ICMP error and the drop. `isICMPError` marks an ICMP error being relayed
    /// (`ip_vs_iph_icmp`), which never draws fragmentation-needed.
    mutating func passRequestChecks(_ buffer: PacketBuffer, _ input: Input, mtu: Int, tunnel: Bool,
                                    isICMPError: Bool, into emissions: inout Emissions) -> Bool {
        let parsed = input.parsed
        let bytes = buffer.mutableBytes
        if profile.decrementsTTL {
            let ttl = PacketEditing.ttl(bytes, network: parsed.network, isIPv4: parsed.isIPv4)
            guard ttl > 1 else {
                emitICMPError(.timeExceeded, about: input.packet, from: parsed.destination, to: parsed.source,
                              side: input.side, previousHop: parsed.sourceMAC, time: input.time, buffer: buffer,
                              into: &emissions)
                emissions.drop(.ttlExceeded, at: input.time)
                return false
            }
            PacketEditing.decrementTTL(bytes, network: parsed.network, isIPv4: parsed.isIPv4)
        }
        guard parsed.ipLength > mtu else { return true }
        if parsed.isIPv4 {
            // pmtu_disc=0 lets a tunnel fragment the outer packet instead.
            if (tunnel && !settings.pmtuDiscovery) || !parsed.dontFragment || isICMPError { return true }
        }
        let packet = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[parsed.network..<parsed.end])
        if !isICMPError {
            let kind: ICMPErrorKind = parsed.isIPv4 ? .fragmentationNeeded(mtu: mtu) : .packetTooBig(mtu: mtu)
            // The quote is the packet as it stands (TTL already decremented); copy it out of
            // the buffer the error is built in.
            withUnsafeTemporaryAllocation(byteCount: packet.count, alignment: 8) { copy in
                copy.copyMemory(from: packet)
                emitICMPError(kind, about: UnsafeRawBufferPointer(copy), from: parsed.destination, to: parsed.source,
                              side: input.side, previousHop: parsed.sourceMAC, time: input.time, buffer: buffer,
                              into: &emissions)
            }
        }
        emissions.drop(.tooBig, at: input.time)
        return false
    }

    /// Appends a finished frame leaving by `side`, fragmenting an IPv4 packet that exceeds
    /// the side's MTU (`ip_fragment`; IPVS sets `ignore_df`, so DF does not stop it here).
    mutating func send(_ buffer: PacketBuffer, verdict: Verdict, side: Side, time: Timestamp,
                       into emissions: inout Emissions) {
        let mtu = topology.interface(side).mtu
        let network = EthernetView.headerLength
        let bytes = buffer.bytes
        guard bytes.count > network + mtu else {
            emissions.append(Emission(verdict: verdict, side: side, time: time, frame: buffer))
            return
        }
        guard bytes.u16(at: EthernetView.Field.etherType) == EtherType.ipv4.rawValue else {
            return emissions.drop(.wouldFragment, at: time)
        }
        IPv4Fragmenter.fragment(buffer, mtu: mtu) { fragment in
            let target = emissions.takeBuffer()
            target.load(fragment)
            emissions.append(Emission(verdict: verdict, side: side, time: time, frame: target))
        }
    }
}
