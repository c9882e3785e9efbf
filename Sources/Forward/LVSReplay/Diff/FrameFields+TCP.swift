import LVSDecode
import LVSWire

extension FrameFields {
    mutating func addTCP(_ transport: TransportInfo, _ tcp: TCPInfo, bytes: UnsafeRawBufferPointer) {
        add("tcp.sport", String(transport.sourcePort))
        add("tcp.dport", String(transport.destinationPort))
        add("tcp.seq", String(tcp.sequenceNumber))
        add("tcp.ack", String(tcp.acknowledgementNumber))
        add("tcp.flags", Self.flags(tcp.flags))
        add("tcp.window", String(tcp.window))
        add("tcp.hlen", String(tcp.headerLength))
        let offset = transport.offset
        guard offset + TCPView.minimumHeaderLength <= bytes.count else { return }
        add("tcp.urgent", String(bytes.u16(at: offset + TCPView.Field.urgentPointer)))
        add("tcp.checksum", Self.hex(bytes.u16(at: offset + TCPView.Field.checksum)))
        addOptions(bytes.slice(from: offset + TCPView.Field.options, length: tcp.headerLength - TCPView.Field.options))
    }

    /// The option layout and each option's value; "-" when absent, so two frames always
    /// have the same option fields.
    private mutating func addOptions(_ bytes: UnsafeRawBufferPointer) {
        var kinds: [String] = []
        var mss = "-", scale = "-", sackOK = "-", sack = "-", timestamps = "-", toa = "-"
        var options = TCPOptions(bytes)
        while let option = options.next() {
            switch option {
            case .endOfList: kinds.append("eol")
            case .noOperation: kinds.append("nop")
            case let .maximumSegmentSize(value):
                kinds.append("mss")
                mss = String(value)
            case let .windowScale(value):
                kinds.append("ws")
                scale = String(value)
            case .sackPermitted:
                kinds.append("sackok")
                sackOK = "yes"
            case let .sack(blocks):
                kinds.append("sack")
                sack = blocks.map { "\($0.left)-\($0.right)" }.joined(separator: ",")
            case let .timestamps(value, echo):
                kinds.append("ts")
                timestamps = "\(value)/\(echo)"
            case let .clientAddress(option):
                kinds.append("toa")
                toa = "\(option.kind) \(option.address.withPort(option.port))"
            case let .unknown(kind, length):
                kinds.append("\(kind)/\(length)")
            }
        }
        if options.isMalformed { kinds.append("malformed") }
        add("tcp.options", kinds.isEmpty ? "-" : kinds.joined(separator: ","))
        add("tcp.options.mss", mss)
        add("tcp.options.wscale", scale)
        add("tcp.options.sackok", sackOK)
        add("tcp.options.sack", sack)
        add("tcp.options.timestamps", timestamps)
        add("tcp.options.toa", toa)
    }

    /// tcpdump's letters: S F R P . U E W.
    static func flags(_ flags: TCPFlags) -> String {
        var text = ""
        if flags.contains(.syn) { text += "S" }
        if flags.contains(.fin) { text += "F" }
        if flags.contains(.rst) { text += "R" }
        if flags.contains(.psh) { text += "P" }
        if flags.contains(.ack) { text += "." }
        if flags.contains(.urg) { text += "U" }
        if flags.contains(.ece) { text += "E" }
        if flags.contains(.cwr) { text += "W" }
        return text.isEmpty ? "none" : text
    }
}
