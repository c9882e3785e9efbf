import LVSConfig

/// One live flow in a `FlowTable`: the key and everything updated per packet. Rarely
/// needed facts (TOA, ICMP errors, checksum problems, cooked directions, tunnel
/// endpoints) live in a `FlowExtras` record that only flows which need it get.
///
/// Kept small on purpose (`MemoryLayout<FlowEntry>.stride` is checked by a test): the
/// table's memory is this times the live flows, plus the index.
struct FlowEntry {
    var key: FlowKey
    var flags: EntryFlags = []
    var ipvsState: IPVSTCPState = .none
    /// TCP option bytes left (40 − options) on the orig SYN and on the handshake ACK;
    /// 0xFF until seen.
    var optionRoomSYN: UInt8 = 0xFF
    var optionRoomACK: UInt8 = 0xFF
    var firstTime: Int64
    var lastTime: Int64
    /// 1-based frame numbers, saturating at 2^32 − 1; 0 = not seen. While the entry is
    /// free, `firstFrame` links to the next free slot.
    var firstFrame: UInt32
    var lastFrame: UInt32
    var synFrame: UInt32 = 0
    var synAckFrame: UInt32 = 0
    var dataFrame: UInt32 = 0
    var rstFrame: UInt32 = 0
    var orig = FlowSideState()
    var resp = FlowSideState()
    var history = FlowHistory()
    var legs = LinkLegSet()
    var copies = CopyRing()
    /// Index + 1 of this flow's `FlowExtras` in the pool; 0 = none.
    var extras: UInt32 = 0
    var forwardedCopies: UInt32 = 0
    var fingerprint = FingerprintState()

    init(key: FlowKey, time: Int64, frame: UInt32) {
        self.key = key
        self.firstTime = time
        self.lastTime = time
        self.firstFrame = frame
        self.lastFrame = frame
        self.flags = [.live]
    }

    /// The side a packet from endpoint A (or B) belongs to.
    @inline(__always)
    func direction(sourceIsA: Bool) -> FlowDirection {
        sourceIsA == flags.contains(.origIsA) ? .orig : .resp
    }

    subscript(side direction: FlowDirection) -> FlowSideState {
        get { direction == .orig ? orig : resp }
        set {
            if direction == .orig { orig = newValue } else { resp = newValue }
        }
    }
}
