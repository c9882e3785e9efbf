import LVSConfig
import LVSWire

/// FULL-NAT (DPVS / Alibaba `-b`; lvs-reference.md §2.4, §2.5): both addresses and ports
/// are rewritten, `CIP:cport → VIP:vport` becoming `LIP:lport → RIP:rport` and back.
///
/// Inbound TCP, in the order of `tcp_fnat_in_handler`: on the client SYN the timestamp
/// option becomes ten NOPs; the TOA (client port and address) goes right after the fixed
/// header on the SYN (Alibaba) and on client segments acknowledging RS ISN + 1 that are
/// not SYN or RST, unless the option space has less room than the TOA or the packet would
/// exceed the MTU; the sequence number moves by the connection's delta. Outbound: the
/// SYN-ACK's MSS drops by 8 (IPv4) / 20 (IPv6), the acknowledgement number and every SACK
/// edge move back by the delta.
///
/// Checksums: DPVS recomputes the transport checksum from scratch; Alibaba updates it
/// incrementally unless a TOA was inserted.
enum FullNATTransmitter {
    struct Inbound {
        var connection: Connection
        var toaKinds: TOAKinds?
        var toaOnSYN: Bool
        var mtu: Int
        var fullChecksum: Bool
    }

    /// Rewrites a client packet in `buffer`; returns the new IP length.
    static func inbound(_ buffer: PacketBuffer, _ parsed: ParsedFrame, _ plan: Inbound) -> Int {
        var ipLength = parsed.ipLength
        var delta = ChecksumDelta()
        var inserted = false
        let connection = plan.connection
        let state = connection.fullNAT
        if parsed.isTCP, let state {
            let bytes = buffer.mutableBytes
            let flags = parsed.tcpFlags
            let syn = flags.contains(.syn) && !flags.contains(.ack)
            if syn { TCPOptionEditing.removeTimestamps(bytes, tcp: parsed.transport, delta: &delta) }
            let acknowledgesRealServer = state.realServerISN.map {
                bytes.u32(at: parsed.transport + TCPView.Field.acknowledgementNumber) == $0 &+ 1
            } ?? false
            let wantsTOA = (syn && plan.toaOnSYN)
                || (acknowledgesRealServer && !flags.contains(.syn) && !flags.contains(.rst))
            if wantsTOA, let kinds = plan.toaKinds {
                inserted = insertTOA(buffer, parsed, connection: connection, kinds: kinds, mtu: plan.mtu,
                                     ipLength: &ipLength)
            }
            let field = parsed.transport + TCPView.Field.sequenceNumber
            let edited = buffer.mutableBytes
            let sequence = edited.u32(at: field)
            delta.replace(sequence, with: sequence &+ state.sequenceDelta)
            edited.setU32(sequence &+ state.sequenceDelta, at: field)
        }
        guard let local = connection.local else { return ipLength }
        TransportRewrite(source: (local, connection.localPort), destination: (connection.real, connection.realPort),
                         delta: delta, fullRecompute: plan.fullChecksum || inserted)
            .apply(to: buffer.mutableBytes, parsed, ipLength: ipLength)
        return ipLength
    }

    /// `tcp_in_add_toa`: room in the options and in the MTU, then the option goes right
    /// after the 20-byte header; data offset and IP length grow by its length.
    static func insertTOA(_ buffer: PacketBuffer, _ parsed: ParsedFrame, connection: Connection, kinds: TOAKinds,
                          mtu: Int, ipLength: inout Int) -> Bool {
        let option = TOAOption(kind: connection.client.isIPv4 ? kinds.ipv4 : kinds.ipv6, port: connection.clientPort,
                               address: connection.client)
        let length = Int(option.length)
        let bytes = buffer.mutableBytes
        let dataOffset = Int(bytes.u8(at: parsed.transport + TCPView.Field.dataOffsetAndFlags) >> 4) * 4
        guard TCPView.maximumHeaderLength - dataOffset >= length, ipLength + length <= mtu else { return false }
        buffer.insertGap(at: parsed.transport + TCPView.Field.options, length: length)
        let grown = buffer.mutableBytes
        TCPOption.clientAddress(option).encode(into: grown, at: parsed.transport + TCPView.Field.options)
        let offsetByte = grown.u8(at: parsed.transport + TCPView.Field.dataOffsetAndFlags)
        grown.setU8(offsetByte &+ UInt8(length / 4) << 4, at: parsed.transport + TCPView.Field.dataOffsetAndFlags)
        ipLength += length
        PacketEditing.setIPLength(grown, network: parsed.network, isIPv4: parsed.isIPv4, ipLength)
        return true
    }

    /// Rewrites a real server's reply in place (`tcp_fnat_out_handler`).
    static func outbound(_ bytes: UnsafeMutableRawBufferPointer, _ parsed: ParsedFrame, connection: Connection,
                         fullChecksum: Bool) {
        var delta = ChecksumDelta()
        if parsed.isTCP, let state = connection.fullNAT {
            if parsed.tcpFlags.contains(.syn), parsed.tcpFlags.contains(.ack) {
                let amount = UInt16(connection.client.isIPv4 ? TOAOption.ipv4Length : TOAOption.ipv6Length)
                TCPOptionEditing.lowerMSS(bytes, tcp: parsed.transport, by: amount, delta: &delta)
            }
            let field = parsed.transport + TCPView.Field.acknowledgementNumber
            let acknowledgement = bytes.u32(at: field)
            delta.replace(acknowledgement, with: acknowledgement &- state.sequenceDelta)
            bytes.setU32(acknowledgement &- state.sequenceDelta, at: field)
            TCPOptionEditing.shiftSACK(bytes, tcp: parsed.transport, by: state.sequenceDelta, delta: &delta)
        }
        TransportRewrite(source: (connection.virtual, connection.virtualPort),
                         destination: (connection.client, connection.clientPort), delta: delta,
                         fullRecompute: fullChecksum)
            .apply(to: bytes, parsed, ipLength: parsed.ipLength)
    }
}
