import LVSCapture
import LVSDecode

/// Names the sub-points of one capture input (DESIGN.md §3): a pcapng file with several
/// interfaces has one per interface; a Linux `-i any` SLL2 capture one per interface
/// index (`NAME/ifN`); anything else is the point itself. Ids are handed out in order of
/// first appearance, names depend only on the file.
///
/// A pcapng interface declared after the first packet is named by its `if_name` if no
/// interface before it in the file had that name, else by its index (`NAME/eth1`,
/// `NAME/1`), while the interface the file started with keeps the point's own name: its
/// packets were named before the file revealed a second interface.
struct SubPointRegistry {
    let point: String
    private let interfaceNames: [CapturePointName]?
    /// Every interface of the file known so far (`learn`), for naming late ones.
    private var interfaces: [CaptureInterface]
    private var keys: [Int] = []
    private(set) var names: [CapturePointName] = []
    /// FNV-1a state after each name, the start of its flows' uids.
    private(set) var uidPrefixes: [FNV1a] = []
    private var lastKey = Int.min
    private var lastID: UInt16 = 0

    init(point: String, interfaces: [CaptureInterface]) {
        self.point = point
        self.interfaces = interfaces
        interfaceNames = interfaces.count > 1 ? CapturePointName.subPoints(of: point, interfaces: interfaces) : nil
    }

    mutating func learn(interfaces: [CaptureInterface]) {
        self.interfaces = interfaces
    }

    /// The sub-point of a packet.
    mutating func id(interface: Int, link: LinkInfo) -> UInt16 {
        let key: Int
        if interfaceNames != nil || interface > 0 {
            key = interface
        } else if let index = link.interfaceIndex {
            key = 1 << 40 | Int(index)
        } else {
            key = -1
        }
        if key == lastKey { return lastID }
        let id = lookup(key)
        lastKey = key
        lastID = id
        return id
    }

    private mutating func lookup(_ key: Int) -> UInt16 {
        if let found = keys.firstIndex(of: key) { return UInt16(found) }
        keys.append(key)
        let name = name(for: key)
        names.append(name)
        var prefix = FNV1a()
        prefix.add(name.description)
        uidPrefixes.append(prefix)
        return UInt16(keys.count - 1)
    }

    private func name(for key: Int) -> CapturePointName {
        if key == -1 { return CapturePointName(point: point) }
        if key >= 1 << 40 { return CapturePointName(point: point, interface: "if\(key & 0xFFFF_FFFF)") }
        if let interfaceNames, key < interfaceNames.count { return interfaceNames[key] }
        guard key < interfaces.count else { return CapturePointName(point: point, interface: String(key)) }
        let name = interfaces[key].name
        let unique = name.map { name in !interfaces[..<key].contains { $0.name == name } } ?? false
        return CapturePointName(point: point, interfaceIndex: key, interfaceName: unique ? name : nil)
    }
}
