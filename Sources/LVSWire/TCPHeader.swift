/// An owned TCP header (RFC 9293 §3.1) with its options.
///
/// Options are kept as the raw bytes seen on the wire (`optionBytes`), so parsing and
/// emitting reproduces a segment exactly, unknown options included. `options` decodes
/// and re-encodes them as a list; `prependOption` inserts one right after the fixed
/// header, which is where FULL-NAT directors put the TOA option. Parsing a header that
/// has options allocates `optionBytes`; per-packet analysis reads `TCPView`, which does not.
public struct TCPHeader: Hashable, Sendable {
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    public var sequenceNumber: SequenceNumber
    public var acknowledgementNumber: SequenceNumber
    public var flags: TCPFlags
    /// The three reserved bits (normally zero).
    public var reservedBits: UInt8
    public var window: UInt16
    public var checksum: UInt16
    public var urgentPointer: UInt16
    /// Option bytes as on the wire; padded with zeros to 4 bytes on emit. At most 40.
    public var optionBytes: [UInt8]

    @inlinable
    public init(sourcePort: UInt16, destinationPort: UInt16, sequenceNumber: SequenceNumber,
                acknowledgementNumber: SequenceNumber = SequenceNumber(0), flags: TCPFlags,
                window: UInt16, checksum: UInt16 = 0, urgentPointer: UInt16 = 0, options: [TCPOption] = []) {
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.sequenceNumber = sequenceNumber
        self.acknowledgementNumber = acknowledgementNumber
        self.flags = flags
        reservedBits = 0
        self.window = window
        self.checksum = checksum
        self.urgentPointer = urgentPointer
        optionBytes = []
        self.options = options
    }

    public init(parsing view: TCPView) {
        self.init(sourcePort: view.sourcePort, destinationPort: view.destinationPort,
                  sequenceNumber: view.sequenceNumber, acknowledgementNumber: view.acknowledgementNumber,
                  flags: view.flags, window: view.window, checksum: view.checksum,
                  urgentPointer: view.urgentPointer)
        reservedBits = view.reservedBits
        optionBytes = Array(view.options)
    }

    /// The options as a list. Setting encodes them in order and pads the end with
    /// end-of-list bytes; `.unknown` options are encoded with zero data.
    public var options: [TCPOption] {
        get { optionBytes.withUnsafeBytes { Array(TCPOptions($0)) } }
        set {
            let length = newValue.reduce(0) { $0 + $1.encodedLength }
            precondition(length <= TCPView.maximumHeaderLength - TCPView.minimumHeaderLength,
                         "TCP options exceed 40 bytes")
            var encoded = [UInt8](repeating: 0, count: (length + 3) & ~3)
            encoded.withUnsafeMutableBytes { buffer in
                var offset = 0
                for option in newValue {
                    option.encode(into: buffer, at: offset)
                    offset += option.encodedLength
                }
            }
            optionBytes = encoded
        }
    }

    /// Inserts `option` before the existing options, padding the end to 4 bytes.
    /// Returns false, changing nothing, when the options would exceed 40 bytes (the case
    /// where Alibaba LVS and DPVS skip the TOA: "tcp head full").
    @discardableResult
    public mutating func prependOption(_ option: TCPOption) -> Bool {
        let length = option.encodedLength + optionBytes.count
        let padded = (length + 3) & ~3
        guard padded <= TCPView.maximumHeaderLength - TCPView.minimumHeaderLength else { return false }
        var encoded = [UInt8](repeating: 0, count: option.encodedLength)
        encoded.withUnsafeMutableBytes { option.encode(into: $0, at: 0) }
        optionBytes = encoded + optionBytes + [UInt8](repeating: 0, count: padded - length)
        return true
    }

    /// 20 bytes plus the options rounded up to 4 bytes.
    @inlinable public var headerLength: Int { TCPView.minimumHeaderLength + ((optionBytes.count + 3) & ~3) }
    @inlinable public var byteCount: Int { headerLength }

    /// Writes the header with the stored checksum. To compute it over a whole segment,
    /// emit the payload after the header and call `InternetChecksum.fillTCP`.
    public func emit(into buffer: UnsafeMutableRawBufferPointer) {
        let length = headerLength
        precondition(length <= TCPView.maximumHeaderLength, "TCP options exceed 40 bytes")
        precondition(buffer.count >= length, "TCP header needs \(length) bytes")
        typealias F = TCPView.Field
        buffer.setU16(sourcePort, at: F.sourcePort)
        buffer.setU16(destinationPort, at: F.destinationPort)
        buffer.setU32(sequenceNumber.rawValue, at: F.sequenceNumber)
        buffer.setU32(acknowledgementNumber.rawValue, at: F.acknowledgementNumber)
        let offsetAndReserved = UInt16(length / 4) << 12 | UInt16(reservedBits & 0x7) << 9
        buffer.setU16(offsetAndReserved | flags.rawValue & 0x01FF, at: F.dataOffsetAndFlags)
        buffer.setU16(window, at: F.window)
        buffer.setU16(checksum, at: F.checksum)
        buffer.setU16(urgentPointer, at: F.urgentPointer)
        for index in F.options..<length {
            let optionIndex = index - F.options
            buffer.setU8(optionIndex < optionBytes.count ? optionBytes[optionIndex] : 0, at: index)
        }
    }
}
