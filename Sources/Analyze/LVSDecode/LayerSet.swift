import LVSWire

/// The set of layers a frame contains anywhere: in its main chain, inside a tunnel, or
/// inside the packet an ICMP error quotes — the way tshark's `frame.protocols` counts.
public struct LayerSet: OptionSet, Hashable, Sendable {
    public var rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    @inlinable public init(_ layer: Layer) { rawValue = 1 << UInt32(layer.rawValue) }

    @inlinable public func contains(_ layer: Layer) -> Bool { rawValue & (1 << UInt32(layer.rawValue)) != 0 }

    @inlinable public mutating func insert(_ layer: Layer) { rawValue |= 1 << UInt32(layer.rawValue) }

    /// The layers in `Layer` order.
    public var layers: [Layer] { Layer.allCases.filter { contains($0) } }
}
