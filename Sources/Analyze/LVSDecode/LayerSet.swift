import LVSWire

/// The set of layers a frame contains anywhere: in its main chain, inside a tunnel, or
/// inside the packet an ICMP error quotes — the way tshark's `frame.protocols` counts.
public struct LayerSet: OptionSet, Hashable, Sendable {
    public var rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    @inlinable public init(_ layer: Layer) { rawValue = 1 << UInt32(layer.rawValue) }

    @inlinable @inline(__always) public func contains(_ layer: Layer) -> Bool { rawValue & (1 << UInt32(layer.rawValue)) != 0 }

    /// 1 when the set holds `layer`, else 0: branch-free counting.
    @inlinable @inline(__always) public func count(_ layer: Layer) -> Int { Int(truncatingIfNeeded: (rawValue >> UInt32(layer.rawValue)) & 1) }

    @inlinable @inline(__always) public mutating func insert(_ layer: Layer) { rawValue |= 1 << UInt32(layer.rawValue) }

    /// The layers in `Layer` order.
    public var layers: [Layer] { Layer.allCases.filter { contains($0) } }
}
