/// One pcapng block whose lengths have been checked: the body lies between the leading
/// type and length words and the trailing length word (draft-ietf-opsawg-pcapng §3.1).
struct PcapngBlock {
    /// Block types lvscope acts on; every other type is skipped by its length.
    enum Kind {
        static let sectionHeader: UInt32 = 0x0A0D_0D0A
        static let interfaceDescription: UInt32 = 1
        /// The obsolete Packet Block (16-bit interface id), still read by libpcap.
        static let obsoletePacket: UInt32 = 2
        static let simplePacket: UInt32 = 3
        static let enhancedPacket: UInt32 = 6
    }

    /// Type and length words before the body, trailing length word after it.
    static let overhead = 12

    var type: UInt32
    /// Byte offset of the block in the file, for error messages.
    var offset: Int
    var body: UnsafeRawBufferPointer
    /// The byte order of the block's section.
    var littleEndian: Bool

    @inline(__always) func u16(at position: Int) -> UInt16 { body.u16(at: position, littleEndian: littleEndian) }
    @inline(__always) func u32(at position: Int) -> UInt32 { body.u32(at: position, littleEndian: littleEndian) }
    @inline(__always) func u64(at position: Int) -> UInt64 { body.u64(at: position, littleEndian: littleEndian) }

    /// Byte offset in the file of a position in the body.
    func fileOffset(ofBody position: Int) -> Int { offset + 8 + position }

    /// Calls `visit` with each option (code, value) from `start` in the body up to
    /// `opt_endofopt` or the end; an option longer than the body left is malformed.
    func forEachOption(from start: Int, path: String,
                       _ visit: (UInt16, UnsafeRawBufferPointer) throws(CaptureError) -> Void) throws(CaptureError) {
        var position = start
        while body.count - position >= 4 {
            let code = u16(at: position)
            let length = Int(u16(at: position + 2))
            if code == 0 { return }
            guard length <= body.count - position - 4 else {
                throw CaptureError(path: path, .malformedBlock(
                    offset: fileOffset(ofBody: position),
                    reason: "option \(code) of length \(length) runs past the end of its block"))
            }
            try visit(code, body.slice(from: position + 4, length: length))
            // Values are padded to 32 bits; a writer may omit the last option's padding.
            position += 4 + ((length + 3) & ~3)
        }
    }
}
