/// TCP option bytes left (0...40) that may be missing, kept in a byte: 255 stands for
/// none, and larger values stop at 254.
@propertyWrapper
public struct OptionRoom: Hashable, Sendable {
    @usableFromInline var stored: UInt8

    @inlinable public init(wrappedValue: Int?) { stored = Self.stored(wrappedValue) }

    @inlinable public var wrappedValue: Int? {
        get { stored == .max ? nil : Int(stored) }
        set { stored = Self.stored(newValue) }
    }

    @inlinable static func stored(_ room: Int?) -> UInt8 { room.map { UInt8(clamping: min($0, 254)) } ?? .max }
}
