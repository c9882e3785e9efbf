import LVSFlows
import Testing

/// The uid text, `C` + RFC 4648 base32 of the 64-bit value behind a zero bit (65 bits,
/// 13 symbols), as a String and as bytes.
@Suite struct FlowUIDTests {
    static let cases: [(UInt64, String)] = [
        (0, "CAAAAAAAAAAAAA"),
        (1, "CAAAAAAAAAAAAB"),
        (25, "CAAAAAAAAAAAAZ"),
        (26, "CAAAAAAAAAAAA2"), // the first digit symbol
        (31, "CAAAAAAAAAAAA7"),
        (32, "CAAAAAAAAAAABA"),
        (1 << 63, "CIAAAAAAAAAAAA"), // the top bit is the 4th of the first symbol's 5: 0b01000
        (.max, "CP777777777777"),
    ]

    @Test("description and bytes", arguments: 0..<cases.count)
    func text(_ index: Int) {
        let (value, expected) = Self.cases[index]
        let uid = FlowUID(rawValue: value)
        #expect(uid.description == expected)
        var buffer = [UInt8](repeating: 0xAA, count: FlowUID.textLength + 3)
        let written = buffer.withUnsafeMutableBytes { uid.write(into: $0) }
        #expect(written == FlowUID.textLength && FlowUID.textLength == 14)
        #expect(String(decoding: buffer.prefix(written), as: UTF8.self) == expected)
        #expect(buffer.dropFirst(written).allSatisfy { $0 == 0xAA }) // nothing past the text
    }
}
