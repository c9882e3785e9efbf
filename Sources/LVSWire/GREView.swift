/// A borrowed GRE header (RFC 2784, with the key and sequence number of RFC 2890).
///
/// Version 1 is the enhanced GRE of PPTP (RFC 2637): the key field holds the payload
/// length and call ID, and an acknowledgement number may follow the sequence number.
/// The RFC 1701 routing field (R bit) is walked to find the payload but not exposed.
/// The LVS `--tun-type gre` tunnel uses plain version 0 (optionally with key and
/// checksum).
public struct GREView {
    /// Byte offsets of the fixed part; optional fields follow at computed offsets.
    public enum Field {
        @inlinable public static var flagsAndVersion: Int { 0 }
        @inlinable public static var protocolType: Int { 2 }
        /// Checksum and reserved/offset word, present when C or R is set.
        @inlinable public static var checksum: Int { 4 }
        /// Reserved1 (RFC 2784) or routing offset (RFC 1701), after the checksum.
        @inlinable public static var reserved1: Int { 6 }
        @inlinable public static var optional: Int { 4 }
        /// Each RFC 1701 source route entry starts with family (2), offset (1), length (1).
        @inlinable public static var sreHeaderLength: Int { 4 }
        @inlinable public static var sreLength: Int { 3 }
    }

    /// Bits of the flags-and-version word.
    public enum Flag {
        @inlinable public static var checksum: UInt16 { 0x8000 }
        @inlinable public static var routing: UInt16 { 0x4000 }
        @inlinable public static var key: UInt16 { 0x2000 }
        @inlinable public static var sequence: UInt16 { 0x1000 }
        @inlinable public static var strictSourceRoute: UInt16 { 0x0800 }
        /// Version 1 only: an acknowledgement number is present.
        @inlinable public static var acknowledgment: UInt16 { 0x0080 }
        @inlinable public static var versionMask: UInt16 { 0x0007 }
    }

    @inlinable public static var minimumHeaderLength: Int { Field.optional }

    public let bytes: UnsafeRawBufferPointer
    /// Header length including optional fields and any RFC 1701 routing entries.
    public let headerLength: Int

    @inlinable
    public init(checking bytes: UnsafeRawBufferPointer) throws(WireError) {
        try WireError.require(Field.optional, in: bytes, layer: .gre)
        let word = bytes.u16(at: Field.flagsAndVersion)
        let version = UInt8(word & Flag.versionMask)
        guard version <= 1 else { throw WireError(.gre, at: Field.flagsAndVersion, .badVersion(version)) }
        var length = GREView.routingOffset(word)
        try WireError.require(length, in: bytes, layer: .gre)
        if word & Flag.routing != 0, version == 0 {
            length = try GREView.skipRouting(bytes, from: length)
        }
        self.bytes = bytes
        headerLength = length
    }

    /// Walks RFC 1701 source route entries (family 2, offset 1, length 1, data) up to
    /// the terminating entry with family 0 and length 0.
    @inlinable
    static func skipRouting(_ bytes: UnsafeRawBufferPointer, from start: Int) throws(WireError) -> Int {
        var entry = start
        while true {
            try WireError.require(entry + Field.sreHeaderLength, in: bytes, layer: .gre, at: entry)
            let family = bytes.u16(at: entry)
            let length = Int(bytes.u8(at: entry + Field.sreLength))
            let next = entry + Field.sreHeaderLength + length
            if family == 0, length == 0 { return next }
            try WireError.require(next, in: bytes, layer: .gre, at: entry)
            entry = next
        }
    }

    @inlinable var word: UInt16 { bytes.u16(at: Field.flagsAndVersion) }
    @inlinable public var checksumPresent: Bool { word & Flag.checksum != 0 }
    @inlinable public var routingPresent: Bool { word & Flag.routing != 0 }
    @inlinable public var keyPresent: Bool { word & Flag.key != 0 }
    @inlinable public var sequencePresent: Bool { word & Flag.sequence != 0 }
    @inlinable public var acknowledgmentPresent: Bool { version == 1 && word & Flag.acknowledgment != 0 }
    @inlinable public var recursionControl: UInt8 { UInt8(truncatingIfNeeded: word >> 8) & 0x7 }
    @inlinable public var version: UInt8 { UInt8(word & Flag.versionMask) }
    @inlinable public var protocolType: EtherType { EtherType(rawValue: bytes.u16(at: Field.protocolType)) }

    @inlinable public var checksum: UInt16? { checksumPresent ? bytes.u16(at: Field.checksum) : nil }
    @inlinable public var key: UInt32? { keyPresent ? bytes.u32(at: GREView.keyOffset(word)) : nil }
    @inlinable public var sequenceNumber: UInt32? {
        sequencePresent ? bytes.u32(at: GREView.sequenceOffset(word)) : nil
    }
    @inlinable public var acknowledgmentNumber: UInt32? {
        acknowledgmentPresent ? bytes.u32(at: GREView.acknowledgmentOffset(word)) : nil
    }
    /// Version 1: the payload length carried in the upper half of the key field.
    @inlinable public var pptpPayloadLength: UInt16? { version == 1 ? key.map { UInt16($0 >> 16) } : nil }
    /// Version 1: the peer's call ID carried in the lower half of the key field.
    @inlinable public var pptpCallID: UInt16? { version == 1 ? key.map { UInt16($0 & 0xFFFF) } : nil }

    @inlinable public var payload: UnsafeRawBufferPointer { bytes.suffix(from: headerLength) }

    @inlinable
    static func keyOffset(_ word: UInt16) -> Int {
        Field.optional + (word & (Flag.checksum | Flag.routing) != 0 ? 4 : 0)
    }

    @inlinable
    static func sequenceOffset(_ word: UInt16) -> Int { keyOffset(word) + (word & Flag.key != 0 ? 4 : 0) }

    @inlinable
    static func acknowledgmentOffset(_ word: UInt16) -> Int {
        sequenceOffset(word) + (word & Flag.sequence != 0 ? 4 : 0)
    }

    /// The end of the fixed-size optional fields, where RFC 1701 routing would start.
    @inlinable
    static func routingOffset(_ word: UInt16) -> Int {
        let hasAck = word & Flag.versionMask == 1 && word & Flag.acknowledgment != 0
        return acknowledgmentOffset(word) + (hasAck ? 4 : 0)
    }
}
