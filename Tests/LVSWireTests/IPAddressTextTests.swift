import Testing
import LVSWire

@Suite struct IPAddressTextTests {
    /// RFC 5952 §4: canonical text of addresses given as eight groups.
    @Test(arguments: [
        ([0x2001, 0x0db8, 0, 0, 0, 0, 0, 1], "2001:db8::1"),  // §4.1 leading zeros, §4.2.1 shortest
        ([0x2001, 0x0db8, 0, 0, 1, 0, 0, 0], "2001:db8:0:0:1::"),  // §4.2.3 the longest run
        ([0x2001, 0x0db8, 0, 0, 1, 0, 0, 1], "2001:db8::1:0:0:1"),  // §4.2.3 the first of tied runs
        ([0x2001, 0x0db8, 0, 1, 1, 1, 1, 1], "2001:db8:0:1:1:1:1:1"),  // §4.2.2 one zero group stays
        ([0x2001, 0x0db8, 0xABCD, 0x00ef, 0, 0, 0, 0x0A], "2001:db8:abcd:ef::a"),  // §4.3 lower case
        ([0, 0, 0, 0, 0, 0, 0, 0], "::"),
        ([0, 0, 0, 0, 0, 0, 0, 1], "::1"),
        ([1, 0, 0, 0, 0, 0, 0, 0], "1::"),
        ([0xfe80, 0, 0, 0, 0x0200, 0, 0, 0x11], "fe80::200:0:0:11"),
        ([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201], "::ffff:192.0.2.1"),  // §5 IPv4-mapped
        ([0, 0, 0, 0, 0, 0, 0xc000, 0x0201], "::c000:201"),  // deprecated IPv4-compatible: hex
        ([0, 0, 0, 0, 0, 0xfffe, 0xc000, 0x0201], "::fffe:c000:201"),
        ([1, 2, 3, 4, 5, 6, 7, 8], "1:2:3:4:5:6:7:8"),
        ([0, 1, 0, 1, 0, 1, 0, 1], "0:1:0:1:0:1:0:1"),
    ] as [([UInt16], String)])
    func formatsIPv6(_ groups: [UInt16], _ text: String) {
        let address = IPv6Address(groups: groups)
        #expect(address.description == text)
        #expect(address.groups == groups)
        #expect(IPv6Address(text) == address)
    }

    @Test(arguments: [
        ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("2001:db8:0:0:0:0:0:1", "2001:db8::1"),
        ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
        ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
        ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
        ("0:0:0:0:0:ffff:10.0.0.1", "::ffff:10.0.0.1"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
        ("::1.2.3.4", "::102:304"),
        ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
        ("0000:0000:0000:0000:0000:ffff:255.255.255.255", "::ffff:255.255.255.255"),
    ])
    func parsesIPv6(_ text: String, _ canonical: String) {
        #expect(IPv6Address(text)?.description == canonical)
    }

    @Test(arguments: [
        "", ":", ":::", "::::", "1::2::3", "12345::", "g::", "::g", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1::2:3:4:5:6:7:8", ":1::2", "1::2:", "1:2:3:4:5:6:7:8:",
        "::1.2.3", "::1.2.3.4.5", "1.2.3.4::", "::1.2.3.4:5", "::ffff:256.1.1.1", "::ffff:01.2.3.4",
        "::+1", "::-0", "+1::", "::0x1", "2001:db8::1%eth0", " ::1", "::1 ", "[::1]", "1:2:3:4:5:6:7:1.2.3.4",
        "::１",
    ])
    func rejectsBadIPv6(_ text: String) {
        #expect(IPv6Address(text) == nil)
    }

    @Test(arguments: ["0.0.0.0", "255.255.255.255", "192.0.2.1", "10.0.0.10", "198.51.100.254"])
    func roundTripsIPv4(_ text: String) {
        #expect(IPv4Address(text)?.description == text)
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.02.3.4", "1..2.3", ".1.2.3", "1.2.3.", "+1.2.3.4",
        "1.2.3.-4", " 1.2.3.4", "1.2.3.4 ", "0x1.2.3.4", "1.2.3.4/24", "١.٢.٣.٤", "1000.2.3.4",
    ])
    func rejectsBadIPv4(_ text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test func parsesEitherFamily() {
        #expect(IPAddress("192.0.2.1") == .v4(IPv4Address(192, 0, 2, 1)))
        #expect(IPAddress("[2001:db8::1]") == IPAddress("2001:db8::1"))
        #expect(IPAddress("2001:db8::1")?.isIPv4 == false)
        #expect(IPAddress("[192.0.2.1]") == nil)  // brackets are for IPv6 only (RFC 3986 §3.2.2)
        #expect(IPAddress("[2001:db8::1") == nil)
        #expect(IPAddress("example.com") == nil)
        #expect(IPAddress("2001:db8::1")?.withPort(443) == "[2001:db8::1]:443")
        #expect(IPAddress("192.0.2.1")?.withPort(80) == "192.0.2.1:80")
        let sorted = ["2001:db8::1", "192.0.2.10", "::1", "10.0.0.1"].compactMap { IPAddress($0) }.sorted()
        #expect(sorted.map(\.description) == ["10.0.0.1", "192.0.2.10", "::1", "2001:db8::1"])
    }

    @Test func comparesNetworks() {
        let a = IPv6Address("2001:db8:1:2::1") ?? IPv6Address(high: 0, low: 0)
        let b = IPv6Address("2001:db8:1:3::1") ?? IPv6Address(high: 0, low: 0)
        #expect(a.isInSameNetwork(as: b, prefixLength: 48))
        #expect(!a.isInSameNetwork(as: b, prefixLength: 64))
        #expect(IPv4Address(192, 0, 2, 1).isInSameNetwork(as: IPv4Address(192, 0, 2, 200), prefixLength: 24))
        #expect(!IPv4Address(192, 0, 2, 1).isInSameNetwork(as: IPv4Address(192, 0, 3, 1), prefixLength: 24))
        #expect(IPv6Address("fe80::1")?.isLinkLocal == true && IPv6Address("ff02::1")?.isMulticast == true)
    }

    @Test func parsesMACAddresses() {
        #expect(MACAddress("02:00:00:00:00:11")?.rawValue == 0x0200_0000_0011)
        #expect(MACAddress("02-00-00-00-00-11") == MACAddress("02:00:00:00:00:11"))
        #expect(MACAddress("B0:99:28:C8:D6:6C")?.description == "b0:99:28:c8:d6:6c")
        for bad in ["", "02:00:00:00:00", "02:00:00:00:00:11:22", "2:0:0:0:0:11", "02:00:00:00:00:1g",
                    "+2:00:00:00:00:11", "02:00:00:00:00:-1", "0200.0000.0011", "02:00:00:00:00:011"] {
            #expect(MACAddress(bad) == nil, "\(bad)")
        }
    }
}
