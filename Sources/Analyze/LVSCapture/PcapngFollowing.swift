/// What a `CaptureReader` keeps while libpcap reads a pcapng file: the follower, the stream
/// libpcap reads, and the block reader that scanned the leading blocks, which takes over
/// where the follower says.
struct PcapngFollowing {
    var follower: PcapngFollower
    let stream: OpaquePointer
    let leading: PcapngBlockReader
    /// The stream's buffer cursor after the previous packet.
    private var cursor: Int

    init(follower: PcapngFollower, stream: OpaquePointer, leading: PcapngBlockReader) {
        self.follower = follower
        self.stream = stream
        self.leading = leading
        cursor = LibpcapReadHandle.bufferCursor(of: stream)
    }

    /// The stream's position is asked (`ftell`, about 5% of reading a pcapng file if done
    /// per packet) only when the buffer cursor did not move by the packet block's length:
    /// the buffer was refilled, or other blocks came in between.
    @inline(__always)
    mutating func follow(packetData data: UnsafeRawPointer?) -> PcapngFollower.Step {
        let now = LibpcapReadHandle.bufferCursor(of: stream)
        let consumed = now &- cursor
        cursor = now
        if follower.followed(packetData: data, consumed: consumed) { return .packet }
        return follower.follow(packetData: data, streamAt: LibpcapReadHandle.streamPosition(of: stream))
    }
}
