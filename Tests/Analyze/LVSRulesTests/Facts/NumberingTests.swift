@testable import LVSRules
import LVSWire
import Testing

/// `Numbering` scans its keys while they are few and switches to a table past its scan
/// limit; numbers must not change across the switch, and `number(of:)` must answer the
/// same on both sides of it.
struct NumberingTests {
    private static func address(_ n: Int) -> IPAddress {
        .v4(IPv4Address(rawValue: 0xC000_0200 | UInt32(n)))  // 192.0.2.n
    }

    @Test func numbersKeysInFirstSeenOrderAcrossTheScanLimit() {
        let count = Numbering<IPAddress>.scanLimit * 2 + 5
        var numbering = Numbering<IPAddress>()
        // Every key twice, interleaved, the repeats in reverse: a repeat must get its first number.
        for n in 0..<count { #expect(numbering.number(Self.address(n)) == n) }
        for n in (0..<count).reversed() { #expect(numbering.number(Self.address(n)) == n) }
        #expect(numbering.keys == (0..<count).map(Self.address))
        for n in 0..<count { #expect(numbering.number(of: Self.address(n)) == n) }
        #expect(numbering.number(of: Self.address(200)) == nil)
    }

    @Test func lookupDoesNotInsert() {
        var numbering = Numbering<IPAddress>()
        #expect(numbering.number(of: Self.address(1)) == nil)
        #expect(numbering.number(Self.address(7)) == 0)
        #expect(numbering.number(of: Self.address(1)) == nil)
        #expect(numbering.keys == [Self.address(7)])
    }

    @Test func ranksFollowTheGivenOrder() {
        var numbering = Numbering<IPAddress>()
        for n in [30, 10, 20] { _ = numbering.number(Self.address(n)) }
        // Numbers 0, 1, 2 hold .30, .10, .20: sorted by address they come 2nd, 0th, 1st.
        #expect(numbering.ranks(by: <) == [2, 0, 1])
        #expect(numbering.ranks(by: >) == [0, 2, 1])
    }
}
