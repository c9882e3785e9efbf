import LVSWire

extension PcapngBlockReader {
    /// The next block with its lengths checked; nil at the end of the file, or at a cut
    /// last block (then `truncatedTail` is set).
    func nextBlock() throws(CaptureError) -> PcapngBlock? {
        let bytes = file.bytes
        let remaining = bytes.count - offset
        guard remaining > 0 else { return nil }
        guard remaining >= PcapngBlock.overhead else {
            truncatedTail = true
            return nil
        }
        // The SHB type 0x0A0D0D0A reads the same in both byte orders.
        let type = bytes.u32(at: offset, littleEndian: section.littleEndian)
        let littleEndian: Bool
        if type == PcapngBlock.Kind.sectionHeader {
            littleEndian = try sectionByteOrder(bytes)
        } else {
            guard section.number >= 0 else { throw malformed(at: offset, "the file does not start with a Section Header Block") }
            littleEndian = section.littleEndian
        }
        let length = Int(bytes.u32(at: offset + 4, littleEndian: littleEndian))
        try checkLength(length, remaining: remaining)
        guard length <= remaining else {
            truncatedTail = true
            return nil
        }
        let trailing = Int(bytes.u32(at: offset + length - 4, littleEndian: littleEndian))
        guard trailing == length else {
            throw malformed(at: offset, "trailing block length \(trailing) differs from the leading length \(length)")
        }
        let block = PcapngBlock(type: type, offset: offset,
                                body: bytes.slice(from: offset + 8, length: length - PcapngBlock.overhead),
                                littleEndian: littleEndian)
        offset += length
        return block
    }

    private func checkLength(_ length: Int, remaining: Int) throws(CaptureError) {
        guard length % 4 == 0 else { throw malformed(at: offset, "block length \(length) is not a multiple of 4") }
        guard length >= PcapngBlock.overhead else {
            throw malformed(at: offset, "block length \(length) is below the 12-byte minimum")
        }
        // A plausible length past the end is a file cut short; an absurd one is corruption.
        guard length <= remaining || length <= PcapngBlockReader.maximumBlockLength else {
            throw malformed(at: offset, "block length \(length) runs past the end of the file (\(remaining) bytes left)")
        }
    }

    private func sectionByteOrder(_ bytes: UnsafeRawBufferPointer) throws(CaptureError) -> Bool {
        switch bytes.u32(at: offset + 8, littleEndian: true) {
        case 0x1A2B_3C4D: return true
        case 0x4D3C_2B1A: return false
        case let other: throw malformed(at: offset + 8, "byte-order magic 0x\(String(other, radix: 16)) is not 0x1a2b3c4d")
        }
    }

    /// SHB body: byte-order magic(4) major(2) minor(2) section length(8) options.
    func beginSection(_ block: PcapngBlock) throws(CaptureError) {
        guard block.body.count >= 16 else {
            throw malformed(at: block.offset, "Section Header Block body of \(block.body.count) bytes, needs 16")
        }
        let major = block.u16(at: 4)
        guard major == 1 else {
            throw malformed(at: block.fileOffset(ofBody: 4), "unsupported pcapng version \(major).\(block.u16(at: 6))")
        }
        if section.number < 0 { byteOrder = block.littleEndian ? .littleEndian : .bigEndian }
        section = PcapngSection(number: section.number + 1, littleEndian: block.littleEndian,
                                firstInterface: interfaces.count)
        // Comments only inform the report: a malformed option here does not refuse the file.
        try? block.forEachOption(from: 16, path: path) { (code, value) throws(CaptureError) in
            if code == 1 { sectionComments.append(Self.text(value)) }
        }
    }

    /// IDB body: link type(2) reserved(2) snaplen(4) options.
    func addInterface(_ block: PcapngBlock) throws(CaptureError) {
        guard block.body.count >= 8 else {
            throw malformed(at: block.offset, "Interface Description Block body of \(block.body.count) bytes, needs 8")
        }
        var interface = CaptureInterface(index: interfaces.count, linkType: LinkType(rawValue: UInt32(block.u16(at: 0))),
                                         snaplen: Int(block.u32(at: 4)), section: section.number)
        try block.forEachOption(from: 8, path: path) { (code, value) throws(CaptureError) in
            try apply(option: code, value: value, of: block, to: &interface)
        }
        guard acceptsUnsupportedLinkTypes || interface.linkType.isSupported else {
            throw CaptureError(path: path, .unsupportedLinkType(
                interface.linkType, name: interface.linkType.libpcapName, interface: interface.index))
        }
        interfaces.append(interface)
        packetInterfaces.append(PcapngPacketInterface(
            linkType: interface.linkType, snaplen: interface.snaplen,
            resolution: interface.timestampResolution, offsetSeconds: interface.timestampOffsetSeconds))
    }

    /// A string option: UTF-8, some writers add a terminating NUL.
    static func text(_ value: UnsafeRawBufferPointer) -> String {
        let end = value.lastIndex(where: { $0 != 0 }).map { $0 + 1 } ?? 0
        return String(decoding: value.prefix(end), as: UTF8.self)
    }

    private func apply(option code: UInt16, value: UnsafeRawBufferPointer, of block: PcapngBlock,
                       to interface: inout CaptureInterface) throws(CaptureError) {
        switch code {
        case 1: // opt_comment
            interface.comments.append(Self.text(value))
        case 2: // if_name
            interface.name = Self.text(value)
        case 9: // if_tsresol
            guard let byte = value.first, let resolution = TimestampResolution(optionByte: byte) else {
                throw malformed(at: block.offset, "if_tsresol \(value.first.map { String($0) } ?? "(empty)") cannot be represented")
            }
            interface.timestampResolution = resolution
        case 14: // if_tsoffset: signed seconds
            guard value.count == 8 else { throw malformed(at: block.offset, "if_tsoffset of \(value.count) bytes, needs 8") }
            interface.timestampOffsetSeconds = Int64(bitPattern: value.u64(at: 0, littleEndian: block.littleEndian))
        default:
            break
        }
    }
}
