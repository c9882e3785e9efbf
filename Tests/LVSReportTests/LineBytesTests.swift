@testable import LVSReport
import LVSWire
import Testing

/// `LineBytes` field writers against the Swift standard library's own text for the same
/// values, and the buffer growing from a single byte of capacity.
@Suite struct LineBytesTests {
    /// The bytes `body` writes into a line over a buffer of `capacity` bytes.
    static func written(capacity: Int = 64, _ body: (inout LineBytes) -> Void) -> String {
        var line = LineBytes(start: .allocate(capacity: capacity), count: 0, capacity: capacity)
        body(&line)
        let text = String(decoding: UnsafeBufferPointer(start: line.start, count: line.count), as: UTF8.self)
        line.start.deallocate()
        return text
    }

    /// Every power of ten and its predecessor, both ends of the types, and a few others.
    static let integers: [Int] = (0...18).flatMap { exponent -> [Int] in
        var power = 1
        for _ in 0..<exponent { power *= 10 }
        return [power - 1, power, -power]
    } + [.max, .min, 42, 65535]

    @Test("signed decimals read as String(_:)", arguments: integers)
    func signedDecimal(_ value: Int) {
        #expect(Self.written { $0.decimal(value) } == String(value))
    }

    @Test("unsigned decimals up to 20 digits read as String(_:)")
    func unsignedDecimal() {
        for value: UInt64 in [0, 9, 10, 9_999_999_999_999_999_999, 10_000_000_000_000_000_000, .max] {
            #expect(Self.written { $0.decimal(value) } == String(value))
        }
    }

    @Test("seconds read as FlowFields.seconds")
    func seconds() {
        let values: [Int64] = [0, 1, -1, 999_999_999, 1_000_000_000, -1_000_000_000, 1_700_000_000_123_456_789,
                               -999_999_999, .max, .min]
        for value in values {
            #expect(Self.written { $0.seconds(value) } == FlowFields.seconds(value))
        }
        #expect(Self.written { $0.seconds(-5) } == "-0.000000005")
    }

    @Test("the digit-pair table holds 00 to 99")
    func digitPairs() {
        let table = LineBytes.digitPairs
        let text = String(decoding: UnsafeBufferPointer(start: table.utf8Start, count: table.utf8CodeUnitCount),
                          as: UTF8.self)
        #expect(text == (0..<100).map { $0 < 10 ? "0\($0)" : "\($0)" }.joined())
    }

    @Test("addresses and MACs read as their descriptions")
    func addresses() throws {
        let texts = ["0.0.0.0", "9.10.99.100", "192.0.2.255", "255.255.255.255", "2001:db8::1", "::", "::ffff:1.2.3.4"]
        for text in texts {
            let address = try #require(IPAddress(text))
            #expect(Self.written { $0.address(address) } == address.description)
        }
        for raw: UInt64 in [0, 0x0200_0000_0011, 0xFFFF_FFFF_FFFF, 0x0A1B_2C3D_4E5F] {
            #expect(Self.written { $0.mac(MACAddress(rawValue: raw)) } == MACAddress(rawValue: raw).description)
        }
        #expect(Self.written { $0.mac(nil) } == "-")
    }

    @Test("a line that outgrows its buffer moves to a larger one, byte for byte")
    func growth() throws {
        let name = String(repeating: "point-", count: 50)
        let address = try #require(IPAddress("2001:db8::42"))
        func fields(_ line: inout LineBytes) {
            line.append(name)
            line.tab()
            line.seconds(.min)
            line.tab()
            line.decimal(Int.min)
            line.tab()
            line.address(address)
            line.tab()
            line.mac(.broadcast)
            line.text(nil)
        }
        let roomy = Self.written(capacity: 4096, fields)
        #expect(roomy.utf8.count > 300)
        #expect(Self.written(capacity: 1, fields) == roomy)
    }

    @Test("a rewind drops what was written since the mark")
    func rewind() {
        let text = Self.written { line in
            line.append("keep")
            let mark = line.count
            line.append("a\tb")
            let held = line.holdsTabOrNewline(since: mark)
            #expect(held)
            line.rewind(to: mark)
            let heldAfter = line.holdsTabOrNewline(since: 0)
            #expect(!heldAfter)
            line.append("-done")
        }
        #expect(text == "keep-done")
    }
}
