/// Integer reads in a capture file's own byte order (pcap and pcapng are written in the
/// writer's host order, announced by a magic number); network-order fields use the
/// big-endian helpers of LVSWire. Callers check bounds first.
extension UnsafeRawBufferPointer {
    @inline(__always)
    func u16(at offset: Int, littleEndian: Bool) -> UInt16 {
        let raw = loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        return littleEndian ? UInt16(littleEndian: raw) : UInt16(bigEndian: raw)
    }

    @inline(__always)
    func u32(at offset: Int, littleEndian: Bool) -> UInt32 {
        let raw = loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return littleEndian ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
    }

    @inline(__always)
    func u64(at offset: Int, littleEndian: Bool) -> UInt64 {
        let raw = loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        return littleEndian ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw)
    }
}
