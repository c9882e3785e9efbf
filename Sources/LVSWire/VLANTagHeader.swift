/// An owned IEEE 802.1Q tag (TCI and next EtherType), for emitting tagged frames.
public struct VLANTagHeader: Hashable, Sendable {
    /// 12-bit VLAN identifier; higher bits are ignored on emit.
    public var vlanID: UInt16
    /// 3-bit priority code point; higher bits are ignored on emit.
    public var priority: UInt8
    public var dropEligible: Bool
    public var etherType: EtherType

    @inlinable
    public init(vlanID: UInt16, priority: UInt8 = 0, dropEligible: Bool = false, etherType: EtherType) {
        self.vlanID = vlanID
        self.priority = priority
        self.dropEligible = dropEligible
        self.etherType = etherType
    }

    @inlinable
    public init(parsing view: VLANTagView) {
        self.init(vlanID: view.vlanID, priority: view.priority, dropEligible: view.dropEligible,
                  etherType: view.etherType)
    }

    @inlinable public var byteCount: Int { VLANTagView.headerLength }

    @inlinable public var tci: UInt16 {
        UInt16(priority & 0x7) << 13 | (dropEligible ? 0x1000 : 0) | vlanID & 0x0FFF
    }

    @inlinable
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= byteCount, "802.1Q tag needs \(byteCount) bytes")
        buffer.setU16(tci, at: VLANTagView.Field.tci)
        buffer.setU16(etherType.rawValue, at: VLANTagView.Field.etherType)
    }
}
