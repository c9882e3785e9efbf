/// A packet record with its bytes, borrowed from the reader.
///
/// `bytes` points into libpcap's buffer or the mapped file and is valid only until the
/// next `nextPacket()` call on the same reader (or until the reader is released); copy
/// anything that must outlive that.
public struct BorrowedPacket {
    public var record: PacketRecord
    public var bytes: UnsafeRawBufferPointer

    @inlinable
    public init(record: PacketRecord, bytes: UnsafeRawBufferPointer) {
        self.record = record
        self.bytes = bytes
    }
}
