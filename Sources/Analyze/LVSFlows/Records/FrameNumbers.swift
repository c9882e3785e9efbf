/// A flow record's frame numbers, as the tracker keeps them: 32 bits, 0 for none (frames
/// are numbered from 1).
@usableFromInline
struct FrameNumbers: Hashable, Sendable {
    @usableFromInline var first: UInt32
    @usableFromInline var last: UInt32
    @usableFromInline var syn: UInt32
    @usableFromInline var synAck: UInt32
    @usableFromInline var data: UInt32
    @usableFromInline var reset: UInt32

    @usableFromInline
    init(first: UInt32, last: UInt32, syn: UInt32, synAck: UInt32, data: UInt32, reset: UInt32) {
        self.first = first
        self.last = last
        self.syn = syn
        self.synAck = synAck
        self.data = data
        self.reset = reset
    }

    @inlinable static func read(_ stored: UInt32) -> Int? { stored == 0 ? nil : Int(stored) }

    /// Numbers past 2^32 − 1 keep that value, as the tracker's do.
    @inlinable static func stored(_ frame: Int?) -> UInt32 { frame.map { UInt32(clamping: max(1, $0)) } ?? 0 }
}

/// A flow record's counts the tracker keeps in 32 bits, and its TCP option rooms (0...40
/// bytes; 255 for none).
@usableFromInline
struct SmallCounts: Hashable, Sendable {
    @usableFromInline var forwardedCopies: UInt32
    @usableFromInline var otherLegPackets: UInt32
    @usableFromInline var optionRoomSYN: UInt8
    @usableFromInline var optionRoomACK: UInt8

    @usableFromInline
    init(forwardedCopies: UInt32, otherLegPackets: UInt32, optionRoomSYN: UInt8, optionRoomACK: UInt8) {
        self.forwardedCopies = forwardedCopies
        self.otherLegPackets = otherLegPackets
        self.optionRoomSYN = optionRoomSYN
        self.optionRoomACK = optionRoomACK
    }
}
