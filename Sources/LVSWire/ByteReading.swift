/// Big-endian field access on borrowed packet bytes.
///
/// Every view reads through these helpers, so the storage strategy (today an
/// `UnsafeRawBufferPointer`, perhaps `RawSpan` later) can change in one place.
/// The accessors do not check bounds in release builds: callers check once, in a
/// view's `init(checking:)`.
extension UnsafeRawBufferPointer {
    @inlinable @inline(__always)
    public func u8(at offset: Int) -> UInt8 {
        self[offset]
    }

    @inlinable @inline(__always)
    public func u16(at offset: Int) -> UInt16 {
        UInt16(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    @inlinable @inline(__always)
    public func u32(at offset: Int) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inlinable @inline(__always)
    public func u64(at offset: Int) -> UInt64 {
        UInt64(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The bytes from `offset` to the end, or an empty buffer when `offset` is past it.
    @inlinable @inline(__always)
    public func suffix(from offset: Int) -> UnsafeRawBufferPointer {
        guard offset < count, let base = baseAddress else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base + offset, count: count - offset)
    }

    /// `length` bytes from `offset`, clamped to what is there.
    @inlinable @inline(__always)
    public func slice(from offset: Int, length: Int) -> UnsafeRawBufferPointer {
        guard offset < count, length > 0, let base = baseAddress else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: base + offset, count: Swift.min(length, count - offset))
    }
}

/// Big-endian field writes into an output buffer, for `emit(into:)`.
extension UnsafeMutableRawBufferPointer {
    @inlinable @inline(__always)
    public func setU8(_ value: UInt8, at offset: Int) {
        self[offset] = value
    }

    @inlinable @inline(__always)
    public func setU16(_ value: UInt16, at offset: Int) {
        storeBytes(of: value.bigEndian, toByteOffset: offset, as: UInt16.self)
    }

    @inlinable @inline(__always)
    public func setU32(_ value: UInt32, at offset: Int) {
        storeBytes(of: value.bigEndian, toByteOffset: offset, as: UInt32.self)
    }

    @inlinable @inline(__always)
    public func setU64(_ value: UInt64, at offset: Int) {
        storeBytes(of: value.bigEndian, toByteOffset: offset, as: UInt64.self)
    }
}
