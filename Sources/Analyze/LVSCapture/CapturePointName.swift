/// The name of a capture point or of one of its per-interface sub-points (DESIGN.md §3):
/// `NAME`, or `NAME/IFACE` for a pcapng file with several interfaces and for the
/// interfaces a Linux `-i any` capture (SLL/SLL2) reveals.
///
/// `IFACE` is the interface's name (pcapng `if_name`, or the name the decoder knows for
/// an SLL2 interface index) when it is unique in the file, else its index. A `/` inside
/// an interface name becomes `_` so that the first `/` always separates the two parts.
public struct CapturePointName: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var point: String
    /// nil for the whole point.
    public var interface: String?

    public init(point: String, interface: String? = nil) {
        self.point = point
        self.interface = interface
    }

    /// The sub-point of interface `index`, named `name` when given.
    public init(point: String, interfaceIndex index: Int, interfaceName name: String?) {
        self.init(point: point, interface: CapturePointName.interfaceLabel(name: name, index: index))
    }

    /// `name` with `/` replaced, or the decimal index when there is no usable name.
    public static func interfaceLabel(name: String?, index: Int) -> String {
        guard let name, !name.isEmpty else { return String(index) }
        return String(name.map { $0 == "/" ? "_" : $0 })
    }

    /// The sub-points of a file: one per interface when it has several, else the point
    /// itself. Interface names that repeat in the file fall back to their indexes.
    public static func subPoints(of point: String, interfaces: [CaptureInterface]) -> [CapturePointName] {
        guard interfaces.count > 1 else { return [CapturePointName(point: point)] }
        let names = interfaces.compactMap(\.name)
        return interfaces.map { interface in
            let unique = interface.name.map { name in names.filter { $0 == name }.count == 1 } ?? false
            return CapturePointName(point: point, interfaceIndex: interface.index,
                                    interfaceName: unique ? interface.name : nil)
        }
    }

    /// The sub-point of interface `index` when the file declared it after its first packet,
    /// among the file's `interfaces` known by then: its name unless an interface before it
    /// had that name (later ones are not known yet), else its index.
    public static func lateSubPoint(of point: String, index: Int, interfaces: [CaptureInterface]) -> CapturePointName {
        guard index < interfaces.count else { return CapturePointName(point: point, interface: String(index)) }
        let name = interfaces[index].name
        let unique = name.map { name in !interfaces[..<index].contains { $0.name == name } } ?? false
        return CapturePointName(point: point, interfaceIndex: index, interfaceName: unique ? name : nil)
    }

    public var description: String { interface.map { "\(point)/\($0)" } ?? point }

    /// Orders by point, then the whole point before its sub-points, then by interface:
    /// indexes numerically, then names.
    public static func < (lhs: CapturePointName, rhs: CapturePointName) -> Bool {
        if lhs.point != rhs.point { return lhs.point < rhs.point }
        switch (lhs.interface, rhs.interface) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (left?, right?):
            // Index labels sort numerically (2 before 10), before any names.
            switch (Int(left), Int(right)) {
            case let (l?, r?): return l < r
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return left < right
            }
        }
    }
}
