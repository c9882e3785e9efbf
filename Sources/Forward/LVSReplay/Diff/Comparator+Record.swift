import LVSDecode
import LVSForwarding
import LVSWire

extension Comparator {
    /// Diffs the (re-aligned) expected frame against the chosen observed packet, drops
    /// differences that others explain, classifies the rest, and counts the packet as
    /// matched or mismatched.
    mutating func record(_ expected: ExpectedPacket, summary: String, bytes: [UInt8], against index: Int,
                         explained: [FieldDifference]) {
        let observedPacket = observed.packets[index]
        let expectedFields = fields(bytes)
        let observedFields = observedPacket.bytes.withUnsafeBytes { raw in
            var packet = DecodedPacket()
            decoder.decode(raw, linkType: observedPacket.linkType, originalLength: raw.count, into: &packet)
            return FrameFields(packet, bytes: raw)
        }
        let binding = expected.connection.flatMap { bindings[$0] }
        var differences = explained
        for difference in Self.rawDifferences(expectedFields, observedFields) {
            differences.append(classify(difference, expected: expected, binding: binding))
        }
        for difference in differences where difference.kind == .nondeterministic {
            nondeterministic[difference.field, default: 0] += 1
        }
        let counted = differences.contains { difference in
            switch difference.kind {
            case .rewrite: true
            case .scheduler: !schedulerAgnostic || !(binding?.observedIsConfigured ?? false)
            case .nondeterministic: false
            }
        }
        guard counted else {
            result.matched += 1
            return
        }
        result.mismatched += 1
        result.differences.append(PacketDifference(expected: reference(expected, summary: summary),
                                                   observed: observed.reference(index),
                                                   fields: differences))
    }

    private func classify(_ difference: FieldDifference, expected: ExpectedPacket,
                          binding: ConnectionBinding?) -> FieldDifference {
        var classified = difference
        if Self.isZeroSpelling(difference) {
            classified.kind = .nondeterministic
        } else if expected.isForwardedRequest, let binding, binding.schedulerDisagrees, !binding.observedIsConfigured,
                  Self.schedulerFields.contains(difference.field) {
            classified.kind = .scheduler
        }
        return classified
    }

    /// What a real-server choice changes in a request.
    static let schedulerFields: Set<String> = ["eth.dst", "ip.dst", "tcp.dport", "udp.dport", "outer.ip.dst"]

    /// 0x0000 and 0xffff are the two ones' complement zeros; Linux may write either for a
    /// TCP, ICMP or IPv4 header checksum (not UDP, where 0 means "none").
    static func isZeroSpelling(_ difference: FieldDifference) -> Bool {
        guard difference.field.hasSuffix("checksum"), !difference.field.hasPrefix("udp."),
              difference.field != "icmp.quoted.l4checksum" else { return false }
        let pair = Set([difference.expected, difference.observed])
        return pair == ["0x0000", "0xffff"]
    }

    /// Field-by-field differences, minus those another difference explains: a checksum
    /// when a covered field differs, lengths and the option layout when an option differs.
    static func rawDifferences(_ expected: FrameFields, _ observed: FrameFields) -> [FieldDifference] {
        var names = expected.names
        for name in observed.names where !names.contains(name) { names.append(name) }
        var differing: [FieldDifference] = []
        for name in names {
            // A cooked capture has no destination MAC and may lack the source: not comparable.
            guard let observedValue = observed[name] else {
                if !name.hasPrefix("eth.") {
                    differing.append(FieldDifference(field: name, expected: expected[name] ?? "-", observed: "-",
                                                     kind: .rewrite))
                }
                continue
            }
            let expectedValue = expected[name] ?? "-"
            if expectedValue != observedValue {
                differing.append(FieldDifference(field: name, expected: expectedValue, observed: observedValue,
                                                 kind: .rewrite))
            }
        }
        let differingNames = Set(differing.map(\.field))
        return differing.filter { !isExplained($0.field, by: differingNames) }
    }

    static func isExplained(_ field: String, by differing: Set<String>) -> Bool {
        func any(_ prefix: String, except: String) -> Bool {
            differing.contains { $0 != except && $0.hasPrefix(prefix) }
        }
        let pseudoHeader = ["ip.src", "ip.dst", "ip.len"].contains { differing.contains($0) }
        switch field {
        case "ip.checksum": return any("ip.", except: field)
        case "outer.ip.checksum": return any("outer.ip.", except: field)
        case "tcp.checksum": return any("tcp.", except: field) || pseudoHeader
        case "udp.checksum": return any("udp.", except: field) || pseudoHeader
        case "icmp.checksum": return any("icmp.", except: field) || pseudoHeader
        case "icmp.quoted.checksum":
            let quoted = ["icmp.quoted.src", "icmp.quoted.dst", "icmp.quoted.id", "icmp.quoted.ttl"]
            return quoted.contains { differing.contains($0) }
        case "ip.len": return differing.contains("tcp.hlen") || differing.contains("udp.len")
        case "outer.ip.len": return differing.contains("ip.len")
        case "tcp.hlen": return differing.contains("tcp.options")
        case "tcp.options": return any("tcp.options.", except: field)
        default: return false
        }
    }
}
