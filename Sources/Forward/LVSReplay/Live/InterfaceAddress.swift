import Glibc
import LVSWire

/// An interface's own MAC address, from sysfs (`/sys/class/net/IF/address`).
enum InterfaceAddress {
    static func mac(of interface: String) throws(ReplayError) -> MACAddress {
        let path = "/sys/class/net/\(interface)/address"
        guard let text = firstLine(of: path), let mac = MACAddress(text) else {
            throw ReplayError("no such network interface, or it has no MAC address", at: interface)
        }
        return mac
    }

    /// The file's first line without its newline and surrounding blanks; nil when it cannot be read.
    private static func firstLine(of path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        var line = Substring(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        while let first = line.first, first.isWhitespace { line.removeFirst() }
        while let last = line.last, last.isWhitespace { line.removeLast() }
        return String(line)
    }
}
