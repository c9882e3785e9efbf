import Foundation
import LVSWire

/// An interface's own MAC address, from sysfs (`/sys/class/net/IF/address`).
enum InterfaceAddress {
    static func mac(of interface: String) throws(ReplayError) -> MACAddress {
        let path = "/sys/class/net/\(interface)/address"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let mac = MACAddress(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ReplayError("no such network interface, or it has no MAC address", at: interface)
        }
        return mac
    }
}
