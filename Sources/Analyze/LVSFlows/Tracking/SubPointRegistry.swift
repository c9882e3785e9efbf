import LVSCapture
import LVSDecode
import LVSWire

/// Names the sub-points of one capture input (DESIGN.md §3): a pcapng file with several
/// interfaces has one per interface; a Linux `-i any` SLL2 capture one per interface
/// index (`NAME/ifN`); anything else is the point itself. Ids are handed out in order of
/// first appearance, names depend only on the file.
///
/// A pcapng interface declared after the first packet is named by
/// `CapturePointName.lateSubPoint` (`NAME/eth1`, `NAME/1`), while the interface the file
/// started with keeps the point's own name: its packets were named before the file
/// revealed a second interface. An interface that repeats one of an earlier section — the
/// same place in its section, link type and name — shares that one's sub-point: that is
/// what concatenated captures (`cat a.pcapng b.pcapng`) look like.
struct SubPointRegistry {
    let point: String
    private let interfaceNames: [CapturePointName]?
    /// Every interface of the file known so far (`learn`), for naming late ones.
    private var interfaces: [CaptureInterface] = []
    /// For each interface, the interface whose sub-point it takes: itself, or the one of an
    /// earlier section it repeats.
    private var sharedInterface: [Int] = []
    private var firstOfKind: [InterfaceKind: Int] = [:]
    /// The section of the last interface learned, and how many interfaces it has so far.
    private var section = (number: -1, count: 0)
    private var keys: [Int] = []
    private(set) var names: [CapturePointName] = []
    /// FNV-1a state after each name, the start of its flows' uids.
    private(set) var uidPrefixes: [FNV1a] = []
    private var lastKey = Int.min
    private var lastID: UInt16 = 0

    init(point: String, interfaces: [CaptureInterface]) {
        self.point = point
        interfaceNames = interfaces.count > 1 ? CapturePointName.subPoints(of: point, interfaces: interfaces) : nil
        learn(interfaces: interfaces)
    }

    mutating func learn(interfaces: [CaptureInterface]) {
        for interface in interfaces[min(self.interfaces.count, interfaces.count)...] {
            if interface.section != section.number { section = (interface.section, 0) }
            let kind = InterfaceKind(position: section.count, linkType: interface.linkType, name: interface.name)
            section.count += 1
            sharedInterface.append(firstOfKind[kind] ?? interface.index)
            if firstOfKind[kind] == nil { firstOfKind[kind] = interface.index }
        }
        self.interfaces = interfaces
    }

    /// The sub-point of a packet.
    mutating func id(interface: Int, link: LinkInfo) -> UInt16 {
        var interface = interface
        if interface > 0, interface < sharedInterface.count { interface = sharedInterface[interface] }
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
        return CapturePointName.lateSubPoint(of: point, index: key, interfaces: interfaces)
    }

    private struct InterfaceKind: Hashable {
        var position: Int
        var linkType: LinkType
        var name: String?
    }
}
