import LVSConfig
import LVSDecode
import LVSForwarding
import LVSWire

extension Comparator {
    /// Rewrites an expected request as if the model had made the real director's choices
    /// for its connection; returns those changes as explained differences.
    ///
    /// - Scheduler: another configured real server (its address, MAC and configured port,
    ///   per mode). A server outside the configuration is not re-aligned: its fields stay
    ///   differences, classified `scheduler`.
    /// - FULL-NAT: the local address and port and the sequence offset (non-deterministic
    ///   by design, lvs-reference.md §11).
    func realign(_ bytes: inout [UInt8], with binding: ConnectionBinding) -> [FieldDifference] {
        let before = fields(bytes)
        bytes.withUnsafeMutableBytes { raw in
            guard let patch = patch(raw) else { return }
            if binding.schedulerDisagrees, binding.observedIsConfigured, let real = binding.observed.real {
                let mac = topology.neighbours[real] ?? binding.observed.realMAC
                if let mac { patch.setMAC(.destination, mac) }
                switch binding.mode {
                case .nat, .fullNAT:
                    patch.setAddress(.destination, real)
                    if let port = binding.configuredPort(addresses: addresses) { patch.setPort(.destination, port) }
                case .tunnel:
                    patch.setOuterDestination(real)
                case .directRouting:
                    break
                }
            }
            if binding.mode == .fullNAT, let local = binding.observed.local, binding.model.local != nil {
                patch.setAddress(.source, local)
                patch.setPort(.source, binding.observed.localPort)
                patch.addToSequence(binding.sequenceOffset)
            }
        }
        return Self.changes(from: before, to: fields(bytes)) { field in
            Self.fullNATChoices.contains(field) ? .nondeterministic : .scheduler
        }
    }

    /// A tunnel's outer IPv4 identification is the kernel's free choice: take the observed one.
    func realignTunnel(_ bytes: inout [UInt8], _ facts: PacketFacts,
                       _ observedFacts: PacketFacts) -> [FieldDifference] {
        guard let expectedOuter = facts.outer, facts.inner?.offset != expectedOuter.offset, expectedOuter.version == 4,
              let observedOuter = observedFacts.outer, observedFacts.inner?.offset != observedOuter.offset,
              observedOuter.version == 4, observedOuter.identification != expectedOuter.identification
        else { return [] }
        let before = fields(bytes)
        bytes.withUnsafeMutableBytes { raw in
            patch(raw)?.setOuterIdentification(UInt16(truncatingIfNeeded: observedOuter.identification))
        }
        return Self.changes(from: before, to: fields(bytes)) { _ in .nondeterministic }
    }

    /// Carries a real server's reply (an Ethernet frame about to be fed) from the real
    /// director's choices into the model's (ICMP errors: `translateError`): the real server it came from, the FULL-NAT
    /// local address and port it goes to, and the acknowledgement (and SACK edges) back by
    /// the sequence offset. Returns false when the connection has no binding.
    func translateReply(_ frame: UnsafeMutableRawBufferPointer, _ facts: PacketFacts, packet: DecodedPacket) -> Bool {
        if let icmp = facts.icmp, icmp.isError, let quoted = icmp.quoted {
            return translateError(frame, quoted, packet: packet)
        }
        guard let tuple = facts.tuple, let connection = boundObserved[tuple.reversed],
              let binding = bindings[connection], binding.mode.repliesTraverseDirector,
              let patch = FramePatch(frame, packet) else { return false }
        if let real = binding.model.real, tuple.source != real { patch.setAddress(.source, real) }
        if tuple.sourcePort != binding.model.realPort { patch.setPort(.source, binding.model.realPort) }
        if binding.mode == .fullNAT, let local = binding.model.local {
            if tuple.destination != local { patch.setAddress(.destination, local) }
            if tuple.destinationPort != binding.model.localPort { patch.setPort(.destination, binding.model.localPort) }
            if facts.tcpFlags.contains(.ack) { patch.addToAcknowledgement(0 &- binding.sequenceOffset) }
        }
        return true
    }

    /// An ICMP error a real server sent about a request: its source (the server), and in
    /// the quote the request's destination (and FULL-NAT source and sequence number),
    /// carried from the real director's choices into the model's.
    func translateError(_ frame: UnsafeMutableRawBufferPointer, _ quoted: QuotedPacket, packet: DecodedPacket) -> Bool {
        guard let sourcePort = quoted.sourcePort, let destinationPort = quoted.destinationPort else { return false }
        let request = FlowTuple(proto: quoted.protocolNumber, source: quoted.source, sourcePort: sourcePort,
                                destination: quoted.destination, destinationPort: destinationPort)
        guard let connection = boundObserved[request], let binding = bindings[connection],
              binding.mode.repliesTraverseDirector, let patch = FramePatch(frame, packet),
              let real = binding.model.real else { return false }
        if packet.innerIP?.source == binding.observed.real { patch.setAddress(.source, real) }
        patch.setQuotedAddress(.destination, real)
        patch.setQuotedPort(.destination, binding.model.realPort)
        if binding.mode == .fullNAT, let local = binding.model.local {
            if packet.innerIP?.destination != local { patch.setAddress(.destination, local) }
            patch.setQuotedAddress(.source, local)
            patch.setQuotedPort(.source, binding.model.localPort)
            patch.addToQuotedSequence(0 &- binding.sequenceOffset)
        }
        return true
    }

    static let fullNATChoices: Set<String> = ["ip.src", "tcp.sport", "udp.sport", "tcp.seq"]

    func fields(_ bytes: [UInt8]) -> FrameFields {
        var packet = DecodedPacket()
        return bytes.withUnsafeBytes { raw in
            decoder.decode(raw, linkType: .ethernet, originalLength: raw.count, into: &packet)
            return FrameFields(packet, bytes: raw)
        }
    }

    func patch(_ raw: UnsafeMutableRawBufferPointer) -> FramePatch? {
        var packet = DecodedPacket()
        decoder.decode(UnsafeRawBufferPointer(raw), linkType: .ethernet, originalLength: raw.count, into: &packet)
        return FramePatch(raw, packet)
    }

    /// The fields that changed between two readings of a frame, checksums aside (they
    /// follow the edited fields).
    static func changes(from before: FrameFields, to after: FrameFields,
                        kind: (String) -> DifferenceKind) -> [FieldDifference] {
        zip(before.names, before.values).compactMap { name, value in
            guard !name.hasSuffix("checksum"), let new = after[name], new != value else { return nil }
            return FieldDifference(field: name, expected: value, observed: new, kind: kind(name))
        }
    }
}
