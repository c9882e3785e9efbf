/// A frame number that may be missing, kept in 32 bits: 0 stands for none (frames are
/// numbered from 1, so a number below 1 is stored as 1); numbers past `UInt32.max` clamp,
/// as the tracker's own do.
@propertyWrapper
public struct FrameNumber: Hashable, Sendable {
    @usableFromInline var stored: UInt32

    @inlinable public init(wrappedValue: Int?) { stored = Self.stored(wrappedValue) }

    @inlinable public var wrappedValue: Int? {
        get { stored == 0 ? nil : Int(stored) }
        set { stored = Self.stored(newValue) }
    }

    @inlinable static func stored(_ frame: Int?) -> UInt32 { frame.map { UInt32(clamping: max(1, $0)) } ?? 0 }
}
