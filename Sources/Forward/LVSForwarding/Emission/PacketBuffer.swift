/// An owned, reusable frame buffer with headroom in front, so encapsulation (TUN outer
/// headers) and TOA insertion can grow the frame at the front without copying the payload
/// (the skb headroom idea of `skb_push` / `skb_realloc_headroom`).
///
/// Allocated once at full size and reused through `Emissions`; `bytes` stays valid until
/// the buffer is reloaded or the `Emissions` that own it are cleared.
public final class PacketBuffer {
    /// Room in front of a loaded frame: enough for an IPv6 outer header, UDP, GUE with
    /// options and a GRE header with checksum (40 + 8 + 12 + 8 = 68), rounded up.
    public static let headroom = 128
    /// The largest IP packet (65535) plus an Ethernet header and the headroom, twice.
    public static let capacity = 65_535 + 14 + 2 * headroom

    private let storage: UnsafeMutableRawPointer
    // Only the director's per-packet path touches these two, never in overlapping accesses;
    // without `unchecked` every read of `bytes` paid a runtime exclusivity check
    // (swift_beginAccess), a few percent of a replay.
    /// Offset of the first frame byte in `storage`.
    @exclusivity(unchecked) public private(set) var start: Int
    @exclusivity(unchecked) public private(set) var count: Int

    public init() {
        storage = UnsafeMutableRawPointer.allocate(byteCount: Self.capacity, alignment: 16)
        start = Self.headroom
        count = 0
    }

    deinit { storage.deallocate() }

    /// The frame.
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage + start, count: count) }

    var mutableBytes: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(start: storage + start, count: count) }

    /// Copies `frame` in after the headroom.
    func load(_ frame: UnsafeRawBufferPointer) {
        precondition(frame.count <= Self.capacity - Self.headroom, "frame larger than a packet buffer")
        start = Self.headroom
        count = frame.count
        if let base = frame.baseAddress { (storage + start).copyMemory(from: base, byteCount: frame.count) }
    }

    /// An empty frame of `length` zero bytes after the headroom, for building a packet.
    func reset(length: Int) {
        precondition(length <= Self.capacity - Self.headroom, "frame larger than a packet buffer")
        start = Self.headroom
        count = length
        (storage + start).initializeMemory(as: UInt8.self, repeating: 0, count: length)
    }

    /// Grows the frame by `length` bytes at the front (`skb_push`); the new bytes are zero.
    func prepend(_ length: Int) {
        precondition(length <= start, "not enough headroom")
        start -= length
        count += length
        (storage + start).initializeMemory(as: UInt8.self, repeating: 0, count: length)
    }

    /// Drops `length` bytes at the front (`skb_pull`).
    func removeFront(_ length: Int) {
        precondition(length <= count, "pulling past the end")
        start += length
        count -= length
    }

    /// Opens a zeroed gap of `length` bytes at `offset` by moving the bytes before it
    /// toward the front (cheap: only headers precede the gap).
    func insertGap(at offset: Int, length: Int) {
        precondition(length <= start && offset <= count, "gap does not fit")
        let old = storage + start
        (old - length).copyMemory(from: old, byteCount: offset)
        start -= length
        count += length
        (storage + start + offset).initializeMemory(as: UInt8.self, repeating: 0, count: length)
    }

    /// Cuts the frame to `length` bytes.
    func truncate(to length: Int) {
        count = min(count, length)
    }

    /// Appends `bytes` at the end.
    func append(_ bytes: UnsafeRawBufferPointer) {
        precondition(start + count + bytes.count <= Self.capacity, "frame larger than a packet buffer")
        if let base = bytes.baseAddress { (storage + start + count).copyMemory(from: base, byteCount: bytes.count) }
        count += bytes.count
    }
}
