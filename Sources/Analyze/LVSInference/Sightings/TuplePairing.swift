import LVSFlows
import LVSWire

/// Pairs, at one capture point, a client's connection to one address with a connection
/// from the same client address and port to another address that another MAC sent right
/// after it: the director's NAT rewrite where content could not tie the two (payload cut
/// by a short snaplen, IP IDs rewritten by the director). FULL-NAT changes the client
/// address and cannot be paired this way.
struct TuplePairing {
    struct Pair {
        var client: Int
        var server: Int
        var reading: Reading
        var clientRecord: Int
        var serverRecord: Int
    }

    private struct ClientKey: Hashable {
        var input: Int
        var proto: UInt8
        var address: IPAddress
        var port: UInt16
    }

    let context: InferenceContext
    /// The rewritten copy follows within this long (a director forwards within
    /// microseconds; a client reusing its port for another server waits much longer).
    var windowNanoseconds: Int64 = 100_000_000

    /// Pairs among `groups` (records by connection) not yet decided.
    func pairs(_ groups: [[Int]], undecided: [Bool]) -> [Pair] {
        var buckets: [ClientKey: [(group: Int, record: Int)]] = [:]
        var order: [ClientKey] = []
        for (group, members) in groups.enumerated() where undecided[group] {
            for index in members {
                let r = context.records[index]
                guard RecordReading.isAttempt(r) else { continue }
                let key = ClientKey(input: r.input, proto: r.protocolNumber.rawValue, address: r.origAddress,
                                    port: r.origPort)
                if buckets[key] == nil { order.append(key) }
                buckets[key, default: []].append((group, index))
            }
        }
        return order.compactMap { key in buckets[key].flatMap(pair) }
    }

    private func pair(_ entries: [(group: Int, record: Int)]) -> Pair? {
        guard entries.count == 2, entries[0].group != entries[1].group else { return nil }
        let sorted = entries.sorted { context.records[$0.record].firstTime < context.records[$1.record].firstTime }
        let a = context.records[sorted[0].record]
        let b = context.records[sorted[1].record]
        let into = a.primaryLeg(.orig)
        let out = b.primaryLeg(.orig)
        guard a.respAddress != b.respAddress, b.firstTime.rawValue - a.firstTime.rawValue <= windowNanoseconds,
              into?.source == nil || into?.source != out?.source else { return nil }
        var reading = Reading(.nat, .pairedAtOnePoint, vipVisible: true)
        reading.server = Sighting.Server(address: b.respAddress, port: b.respPort,
                                         mac: out?.destination ?? b.resp.mac)
        reading.vipMAC = into?.destination
        reading.directorMACs = [into?.destination, out?.source].compactMap { $0 }
        return Pair(client: sorted[0].group, server: sorted[1].group, reading: reading,
                    clientRecord: sorted[0].record, serverRecord: sorted[1].record)
    }
}
