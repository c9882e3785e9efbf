import LVSWire

/// In-place edits of TCP options for FULL-NAT (DPVS `tcp_in_remove_ts`,
/// `tcp_out_adjust_mss`, `tcp_out_adjust_seq`; Alibaba's equivalents). Each walks the
/// option list like the kernels do (stopping at end-of-list or a malformed length) and
/// records the changed words in a `ChecksumDelta`.
enum TCPOptionEditing {
    typealias Buffer = UnsafeMutableRawBufferPointer

    /// The option area of the TCP header at `tcp`: offsets relative to the buffer.
    static func optionRange(_ bytes: Buffer, tcp: Int) -> Range<Int> {
        let headerLength = Int(bytes.u8(at: tcp + TCPView.Field.dataOffsetAndFlags) >> 4) * 4
        return (tcp + TCPView.Field.options)..<(tcp + max(headerLength, TCPView.minimumHeaderLength))
    }

    /// Walks the options; `body` gets each option's kind, start and length and returns
    /// true to stop.
    static func walk(_ bytes: Buffer, tcp: Int, _ body: (UInt8, Int, Int) -> Bool) {
        let range = optionRange(bytes, tcp: tcp)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let kind = bytes.u8(at: offset)
            if kind == TCPOption.Kind.endOfList { return }
            if kind == TCPOption.Kind.noOperation {
                offset += 1
                continue
            }
            guard offset + 1 < range.upperBound else { return }
            let length = Int(bytes.u8(at: offset + 1))
            guard length >= 2, offset + length <= range.upperBound else { return }
            if body(kind, offset, length) { return }
            offset += length
        }
    }

    /// Replaces the first timestamp option (kind 8, length 10) with ten NOPs.
    static func removeTimestamps(_ bytes: Buffer, tcp: Int, delta: inout ChecksumDelta) {
        edit(bytes, tcp: tcp, delta: &delta) { kind, start, length in
            guard kind == TCPOption.Kind.timestamps, length == 10 else { return false }
            for index in start..<(start + length) { bytes[index] = TCPOption.Kind.noOperation }
            return true
        }
    }

    /// Lowers the first MSS option by `amount` (16-bit wrap, as the kernels compute it).
    static func lowerMSS(_ bytes: Buffer, tcp: Int, by amount: UInt16, delta: inout ChecksumDelta) {
        edit(bytes, tcp: tcp, delta: &delta) { kind, start, length in
            guard kind == TCPOption.Kind.maximumSegmentSize, length == 4 else { return false }
            bytes.setU16(bytes.u16(at: start + 2) &- amount, at: start + 2)
            return true
        }
    }

    /// Moves both edges of every block of the first SACK option back by `amount`.
    static func shiftSACK(_ bytes: Buffer, tcp: Int, by amount: UInt32, delta: inout ChecksumDelta) {
        edit(bytes, tcp: tcp, delta: &delta) { kind, start, length in
            guard kind == TCPOption.Kind.sack, length >= 10, (length - 2) % 8 == 0 else { return false }
            var edge = start + 2
            while edge < start + length {
                bytes.setU32(bytes.u32(at: edge) &- amount, at: edge)
                edge += 4
            }
            return true
        }
    }

    /// Runs an option edit with the option area recorded before and after (the area starts
    /// at an even offset of the TCP header, so its words are checksum words).
    private static func edit(_ bytes: Buffer, tcp: Int, delta: inout ChecksumDelta,
                             _ body: (UInt8, Int, Int) -> Bool) {
        let range = optionRange(bytes, tcp: tcp)
        guard !range.isEmpty else { return }
        delta.recordOld(UnsafeRawBufferPointer(bytes), range)
        walk(bytes, tcp: tcp, body)
        delta.recordNew(UnsafeRawBufferPointer(bytes), range)
    }
}
