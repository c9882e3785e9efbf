import LVSWire

extension PcapngBlockReader {
    /// EPB body: interface id(4) timestamp high(4) low(4) captured(4) original(4) data options.
    /// The obsolete PB has the same layout with a 16-bit interface id and a drops count.
    func timedPacket(_ block: PcapngBlock, obsolete: Bool) throws(CaptureError) -> BorrowedPacket {
        let fixed = 20
        guard block.body.count >= fixed else {
            throw malformed(at: block.offset, "packet block body of \(block.body.count) bytes, needs \(fixed)")
        }
        let id = obsolete ? UInt32(block.u16(at: 0)) : block.u32(at: 0)
        let index = try interfaceIndex(id: id, block: block)
        let ticks = UInt64(block.u32(at: 4)) << 32 | UInt64(block.u32(at: 8))
        let captured = Int(block.u32(at: 12))
        guard captured <= block.body.count - fixed else {
            throw malformed(at: block.fileOffset(ofBody: 12),
                            "captured length \(captured) exceeds the \(block.body.count - fixed) data bytes of the block")
        }
        let interface = packetInterfaces[index]
        let (seconds, nanoseconds) = interface.resolution.split(ticks: ticks)
        guard let timestamp = Timestamp.captured(seconds: seconds, offsetSeconds: interface.offsetSeconds,
                                                 nanoseconds: nanoseconds) else {
            throw CaptureError(path: path, .timestampOutOfRange(frame: packetsRead + 1))
        }
        return packet(index: index, timestamp: timestamp, captured: captured,
                      original: Int(block.u32(at: 16)), data: block.body.slice(from: fixed, length: captured))
    }

    /// SPB body: original length(4) data. The packet came from the section's first
    /// interface; the captured length is the original one cut to that interface's snaplen
    /// and to the block. The block has no timestamp: it reads as 0 plus the interface's
    /// `if_tsoffset`, as with libpcap.
    func simplePacket(_ block: PcapngBlock) throws(CaptureError) -> BorrowedPacket {
        guard block.body.count >= 4 else {
            throw malformed(at: block.offset, "Simple Packet Block body of \(block.body.count) bytes, needs 4")
        }
        let index = try interfaceIndex(id: 0, block: block)
        let original = Int(block.u32(at: 0))
        let snaplen = packetInterfaces[index].snaplen
        let captured = min(original, block.body.count - 4, snaplen > 0 ? snaplen : Int.max)
        guard let timestamp = Timestamp.captured(seconds: 0, offsetSeconds: packetInterfaces[index].offsetSeconds,
                                                 nanoseconds: 0) else {
            throw CaptureError(path: path, .timestampOutOfRange(frame: packetsRead + 1))
        }
        return packet(index: index, timestamp: timestamp, captured: captured,
                      original: original, data: block.body.slice(from: 4, length: captured))
    }

    private func interfaceIndex(id: UInt32, block: PcapngBlock) throws(CaptureError) -> Int {
        let known = interfaces.count - section.firstInterface
        guard Int(id) < known else {
            throw malformed(at: block.offset,
                            "packet on interface \(id), but this section describes \(known) interface(s)")
        }
        return section.firstInterface + Int(id)
    }

    private func packet(index: Int, timestamp: Timestamp, captured: Int, original: Int,
                        data: UnsafeRawBufferPointer) -> BorrowedPacket {
        packetsRead += 1
        let record = PacketRecord(frameNumber: packetsRead, timestamp: timestamp, capturedLength: captured,
                                  originalLength: original, linkType: packetInterfaces[index].linkType,
                                  interfaceIndex: index)
        return BorrowedPacket(record: record, bytes: data)
    }
}
