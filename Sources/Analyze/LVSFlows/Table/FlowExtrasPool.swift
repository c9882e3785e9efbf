/// The pool of `FlowExtras` records with a free list, so that a flow gets one on demand
/// without an allocation of its own; the array grows geometrically and is reused.
struct FlowExtrasPool {
    private(set) var storage: ContiguousArray<FlowExtras> = []
    private var free: [UInt32] = []

    /// Takes a fresh record and returns its handle (index + 1).
    mutating func allocate() -> UInt32 {
        if let handle = free.popLast() {
            storage[Int(handle) - 1] = FlowExtras()
            return handle
        }
        storage.append(FlowExtras())
        return UInt32(storage.count)
    }

    mutating func release(_ handle: UInt32) {
        guard handle != 0 else { return }
        free.append(handle)
    }

    subscript(handle: UInt32) -> FlowExtras {
        get { storage[Int(handle) - 1] }
        _modify { yield &storage[Int(handle) - 1] }
    }

    var liveCount: Int { storage.count - free.count }

    /// Bytes held: the records' and the free list's capacity.
    var bytes: Int {
        storage.capacity * MemoryLayout<FlowExtras>.stride + free.capacity * MemoryLayout<UInt32>.stride
    }
}
