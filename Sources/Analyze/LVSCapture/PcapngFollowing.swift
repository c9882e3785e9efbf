/// What a `CaptureReader` keeps while libpcap reads a pcapng file: the follower, the stream
/// it asks for libpcap's position, and the block reader that scanned the leading blocks,
/// which takes over where the follower says.
struct PcapngFollowing {
    var follower: PcapngFollower
    let stream: OpaquePointer
    let leading: PcapngBlockReader

    @inline(__always)
    mutating func follow(packetData data: UnsafeRawPointer?) -> PcapngFollower.Step {
        follower.follow(packetData: data, streamAt: LibpcapReadHandle.streamPosition(of: stream))
    }
}
