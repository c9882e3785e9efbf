import LVSFlows

extension ICMPErrorSummary {
    /// Destination unreachable for a port, protocol or administrative reason: the host
    /// exists and said no (RFC 792 codes 2, 3, 9, 10, 13; RFC 4443 codes 1, 4).
    var isRefusal: Bool {
        if version == 4 { return type == 3 && [2, 3, 9, 10, 13].contains(code) }
        return type == 1 && (code == 1 || code == 4)
    }

    /// Fragmentation needed (RFC 1191) or packet too big (RFC 4443 §3.2).
    var isTooBig: Bool { version == 4 ? type == 3 && code == 4 : type == 2 }
}
