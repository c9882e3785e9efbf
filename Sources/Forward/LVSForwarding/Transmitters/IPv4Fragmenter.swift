import LVSWire

/// IPv4 fragmentation as `ip_do_fragment` (net/ipv4/ip_output.c) performs it on output:
/// every fragment but the last carries `(mtu − header length)` rounded down to 8 bytes of
/// data, the header is copied (options included), the offset and MF bit are set and the
/// checksum recomputed. The ID is the packet's own.
enum IPv4Fragmenter {
    /// Calls `body` with each fragment frame (Ethernet header included), in order.
    static func fragment(_ buffer: PacketBuffer, mtu: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
        let network = EthernetView.headerLength
        let frame = buffer.bytes
        let headerLength = Int(frame.u8(at: network) & 0x0F) * 4
        let totalLength = Int(frame.u16(at: network + IPv4View.Field.totalLength))
        let flags = frame.u16(at: network + IPv4View.Field.flagsAndFragmentOffset) & 0x4000
        let chunk = (mtu - headerLength) & ~7
        guard chunk > 0 else { return }
        let prefix = network + headerLength
        withUnsafeTemporaryAllocation(byteCount: prefix + chunk, alignment: 8) { scratch in
            var offset = 0
            let dataLength = totalLength - headerLength
            while offset < dataLength {
                let length = min(chunk, dataLength - offset)
                let last = offset + length == dataLength
                scratch.copyMemory(from: UnsafeRawBufferPointer(rebasing: frame[0..<prefix]))
                UnsafeMutableRawBufferPointer(rebasing: scratch[prefix..<(prefix + length)])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: frame[(prefix + offset)..<(prefix + offset + length)]))
                let ip = UnsafeMutableRawBufferPointer(rebasing: scratch[network..<prefix])
                ip.setU16(UInt16(headerLength + length), at: IPv4View.Field.totalLength)
                ip.setU16(flags | (last ? 0 : 0x2000) | UInt16(offset / 8), at: IPv4View.Field.flagsAndFragmentOffset)
                InternetChecksum.fillIPv4Header(ip)
                body(UnsafeRawBufferPointer(rebasing: scratch[0..<(prefix + length)]))
                offset += length
            }
        }
    }
}
