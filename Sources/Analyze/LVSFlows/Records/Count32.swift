/// A count or frame number kept in 32 bits and read as `Int`: values outside `UInt32`
/// clamp, as the tracker's own 32-bit counters and frame numbers stop there.
@propertyWrapper
public struct Count32: Hashable, Sendable {
    @usableFromInline var stored: UInt32

    @inlinable public init(wrappedValue: Int) { stored = UInt32(clamping: wrappedValue) }

    @inlinable public var wrappedValue: Int {
        get { Int(stored) }
        set { stored = UInt32(clamping: newValue) }
    }
}
