import Glibc
import LVSWire

/// A network interface read and written through libpcap: frames arriving on it (not the
/// ones it sends), and injection of whole link-layer frames. Non-blocking; `wait` sleeps
/// until one of several interfaces has packets.
///
/// Timestamps are the kernel's receive times in nanoseconds. Not thread-safe: one capture,
/// one task.
public final class LiveCapture {
    public let interface: String
    public let linkType: LinkType
    private let handle: LibpcapLiveHandle
    private var received = 0

    /// Opens `interface` (needs CAP_NET_RAW). Errors name the interface.
    public init(interface: String, snaplen: Int = 65_535, promiscuous: Bool = true) throws(CaptureError) {
        do {
            handle = try LibpcapLiveHandle(interface: interface, snaplen: Int32(snaplen), promiscuous: promiscuous)
        } catch {
            throw CaptureError(path: interface, .interfaceUnavailable(error.message))
        }
        self.interface = interface
        linkType = LinkType(rawValue: handle.dataLinkType)
    }

    /// The next waiting packet, nil when none is waiting. The bytes are valid until the
    /// next call.
    public func nextPacket() throws(CaptureError) -> BorrowedPacket? {
        switch handle.next() {
        case .idle:
            return nil
        case let .failure(message):
            throw CaptureError(path: interface, .readFailed(frame: received + 1, message: message))
        case let .packet(packet):
            received += 1
            let record = PacketRecord(
                frameNumber: received, timestamp: .saturating(seconds: packet.seconds, nanoseconds: packet.fraction),
                capturedLength: packet.capturedLength, originalLength: packet.originalLength, linkType: linkType,
                interfaceIndex: 0)
            return BorrowedPacket(record: record, bytes: packet.bytes)
        }
    }

    /// Sends one frame out of the interface.
    public func inject(_ frame: UnsafeRawBufferPointer) throws(CaptureError) {
        if let message = handle.inject(frame) { throw CaptureError(path: interface, .writeFailed(message)) }
    }

    /// Waits up to `milliseconds` for packets on any of `captures`; returns the indices of
    /// those with packets waiting or an error to report (possibly none after the timeout or
    /// a signal).
    public static func wait(_ captures: [LiveCapture], milliseconds: Int32) -> [Int] {
        var descriptors = captures.map { pollfd(fd: $0.handle.selectableDescriptor, events: Int16(POLLIN), revents: 0) }
        let ready = descriptors.withUnsafeMutableBufferPointer { buffer in
            poll(buffer.baseAddress, nfds_t(buffer.count), milliseconds)
        }
        guard ready > 0 else { return [] }
        // An error or hang-up (the interface went away) counts as ready, so that the next
        // read reports it instead of the caller polling forever.
        let events = Int16(POLLIN) | Int16(POLLERR) | Int16(POLLHUP) | Int16(POLLNVAL)
        return descriptors.indices.filter { descriptors[$0].revents & events != 0 }
    }
}
