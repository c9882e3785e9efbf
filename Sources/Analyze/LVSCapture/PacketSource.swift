/// What a per-packet closure tells the read loop.
public enum PacketLoopControl: Hashable, Sendable {
    case `continue`
    case stop
}

/// The outcome of a read loop.
public struct CaptureReadSummary: Hashable, Sendable {
    /// Packets delivered so far by this reader (all loops together).
    public var packets: Int
    /// The file ended inside its last record, which was dropped: a warning, not an
    /// error (tcpdump: "truncated dump file"; tshark: "cut short in the middle of a packet").
    public var truncatedTail: Bool
    /// The closure returned `.stop` before the end of the file.
    public var stopped: Bool

    public init(packets: Int, truncatedTail: Bool, stopped: Bool) {
        self.packets = packets
        self.truncatedTail = truncatedTail
        self.stopped = stopped
    }
}

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
