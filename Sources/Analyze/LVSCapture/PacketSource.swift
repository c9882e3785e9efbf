/// A reader that hands out packets one at a time, borrowing its own buffer.
///
/// Conformers are classes: the borrowed bytes belong to the reader's state.
public protocol PacketSource: AnyObject {
    /// The next packet, or nil at the end of the file. The bytes are valid until the
    /// next call. A cut last record ends the file and sets `truncatedTail`.
    func nextPacket() throws(CaptureError) -> BorrowedPacket?
    var packetsRead: Int { get }
    var truncatedTail: Bool { get }
}

extension PacketSource {
    /// Hands every remaining packet to `body` without copying it; stops when `body`
    /// returns `.stop` or throws (its error propagates unchanged; read problems are
    /// `CaptureError`s).
    @inlinable
    @discardableResult
    public func forEachPacket(
        _ body: (PacketRecord, UnsafeRawBufferPointer) throws -> PacketLoopControl
    ) throws -> CaptureReadSummary {
        while let packet = try nextPacket() {
            if try body(packet.record, packet.bytes) == .stop {
                return CaptureReadSummary(packets: packetsRead, truncatedTail: truncatedTail, stopped: true)
            }
        }
        return CaptureReadSummary(packets: packetsRead, truncatedTail: truncatedTail, stopped: false)
    }
}
