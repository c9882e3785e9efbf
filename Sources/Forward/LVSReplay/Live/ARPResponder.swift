import LVSDecode
import LVSForwarding
import LVSWire

/// The director's own ARP business in live mode (RFC 826): it answers requests for the
/// addresses it owns on an interface (VIPs on the client side; the DIP and FULL-NAT local
/// addresses on the real-server side), and asks for real servers' MACs at start.
/// IPv6 neighbour discovery is not answered: IPv6 neighbours must be given.
struct ARPResponder: Sendable {
    /// Per side, the addresses answered for with that side's MAC.
    let owned: [Side: Set<IPv4Address>]
    let macs: [Side: MACAddress]

    /// A reply to `request` when it asks for an address owned on `side`.
    func reply(to request: ARPInfo, on side: Side) -> [UInt8]? {
        guard request.isRequest, owned[side]?.contains(request.targetIP) == true, let mac = macs[side] else {
            return nil
        }
        let arp = ARPHeader(operation: .reply, senderMAC: mac, senderIPv4: request.targetIP,
                            targetMAC: request.senderMAC, targetIPv4: request.senderIP)
        return Self.frame(arp, destination: request.senderMAC, source: mac)
    }

    /// A broadcast request for `target`, from `sender` (0.0.0.0 makes it a probe, which
    /// Linux answers too).
    static func request(for target: IPv4Address, from mac: MACAddress, sender: IPv4Address) -> [UInt8] {
        let arp = ARPHeader(operation: .request, senderMAC: mac, senderIPv4: sender, targetMAC: .zero,
                            targetIPv4: target)
        return frame(arp, destination: .broadcast, source: mac)
    }

    /// An Ethernet frame carrying `arp`, padded to the 60-byte minimum.
    static func frame(_ arp: ARPHeader, destination: MACAddress, source: MACAddress) -> [UInt8] {
        var frame = [UInt8](repeating: 0, count: 60)
        frame.withUnsafeMutableBytes { bytes in
            EthernetHeader(destination: destination, source: source, etherType: .arp).emit(into: bytes)
            arp.emit(into: UnsafeMutableRawBufferPointer(rebasing: bytes[EthernetView.headerLength...]))
        }
        return frame
    }
}
