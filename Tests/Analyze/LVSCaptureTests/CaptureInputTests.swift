import LVSCapture
import LVSWire
import Testing

/// `CAPTURE` arguments and capture point names (DESIGN.md §3, §4).
@Suite struct CaptureInputTests {
    @Test("PATH and NAME=PATH", arguments: [
        // (argument, point, path, named)
        ("lvs-nat.pcap", "lvs-nat", "lvs-nat.pcap", false),
        ("captures/dir.pcap", "dir", "captures/dir.pcap", false),
        ("director=/data/d.pcap", "director", "/data/d.pcap", true),
        ("rs1=rs1.pcapng", "rs1", "rs1.pcapng", true),
        ("a=b=c.pcap", "a", "b=c.pcap", true),
        // A `/` before the `=`: the whole argument is a path.
        ("/data/a=b.pcap", "a=b", "/data/a=b.pcap", false),
        ("./x=y.pcap", "x=y", "./x=y.pcap", false),
        ("dir/x=y.pcap", "x=y", "dir/x=y.pcap", false),
        // Nothing before the `=`: a path.
        ("=x.pcap", "=x", "=x.pcap", false),
    ])
    func parse(argument: String, point: String, path: String, named: Bool) throws {
        let input = try CaptureInput(argument: argument)
        #expect(input.point == point && input.path == path && input.isNamed == named)
        #expect(input.description == argument)
    }

    @Test("empty arguments and names without a path are refused")
    func invalid() {
        #expect(throws: CaptureError(path: "", .invalidArgument("empty capture argument"))) {
            try CaptureInput(argument: "")
        }
        #expect(throws: CaptureError(path: "director=", .invalidArgument("no path after \"director=\""))) {
            try CaptureInput(argument: "director=")
        }
    }

    /// A name is a report line's and a listing column's: control characters would split
    /// them, blanks name nothing visible. A file stem gets the same rule.
    @Test("names with control characters or only blanks are refused", arguments: [
        ("a\nb=x.pcap", "the capture point name holds control characters"),
        ("a\tb.pcap", "the capture point name holds control characters; name the point with NAME=PATH"),
        ("x\u{85}=y.pcap", "the capture point name holds control characters"),
        (" =x.pcap", "the capture point name is blank"),
        ("dir/ .pcap", "the capture point name is blank; name the point with NAME=PATH"),
    ])
    func unprintableNames(argument: String, message: String) {
        #expect(throws: CaptureError(path: argument, .invalidArgument(message))) {
            try CaptureInput(argument: argument)
        }
    }

    @Test("file stems", arguments: [
        ("a/b.c.pcap", "b.c"), ("x.pcapng", "x"), ("noext", "noext"), (".hidden", ".hidden"),
        ("dir/", "dir"), ("/abs/path/rs2.cap", "rs2"),
    ])
    func stem(path: String, stem: String) {
        #expect(CaptureInput.stem(ofPath: path) == stem)
    }

    @Test("sub-points per interface of a multi-interface file")
    func subPoints() throws {
        let mixed = try CaptureReader(path: try fixture("lvs-mixed-eth-sll2.pcapng")).info
        #expect(CapturePointName.subPoints(of: "mixed", interfaces: mixed.interfaces).map(\.description)
            == ["mixed/0", "mixed/1"])
        let single = try CaptureReader(path: try fixture("lvs-nat.pcap")).info
        #expect(CapturePointName.subPoints(of: "nat", interfaces: single.interfaces) == [CapturePointName(point: "nat")])
        let named = [
            CaptureInterface(index: 0, linkType: .ethernet, snaplen: 0, name: "eth0"),
            CaptureInterface(index: 1, linkType: .raw, snaplen: 0, name: "tunl0"),
            CaptureInterface(index: 2, linkType: .ethernet, snaplen: 0, name: "veth/a"),
            CaptureInterface(index: 3, linkType: .ethernet, snaplen: 0, name: "eth0"),
        ]
        // Unique names are used ("/" becomes "_"); the repeated "eth0" falls back to indexes.
        #expect(CapturePointName.subPoints(of: "dir", interfaces: named).map(\.description)
            == ["dir/0", "dir/tunl0", "dir/veth_a", "dir/3"])
        #expect(CapturePointName(point: "dir", interfaceIndex: 4, interfaceName: "").description == "dir/4")
    }

    @Test("point names sort by point, whole point first, indexes numerically, then names")
    func ordering() {
        let names = [CapturePointName(point: "b"), CapturePointName(point: "a", interface: "eth0"),
                     CapturePointName(point: "a", interface: "10"), CapturePointName(point: "a", interface: "2"),
                     CapturePointName(point: "a")]
        #expect(names.sorted().map(\.description) == ["a", "a/2", "a/10", "a/eth0", "b"])
    }
}
