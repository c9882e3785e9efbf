import LVSWire

/// Reads on a mutable buffer go through the shared `ByteReading` helpers of LVSWire.
extension UnsafeMutableRawBufferPointer {
    @inline(__always) func u8(at offset: Int) -> UInt8 { UnsafeRawBufferPointer(self).u8(at: offset) }
    @inline(__always) func u16(at offset: Int) -> UInt16 { UnsafeRawBufferPointer(self).u16(at: offset) }
    @inline(__always) func u32(at offset: Int) -> UInt32 { UnsafeRawBufferPointer(self).u32(at: offset) }
}
