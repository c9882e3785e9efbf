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
        // Per client key, in first-seen order, the first two attempts and how many there
        // were: a pair needs exactly two, so no list per key is kept.
        var numbers: [ClientKey: Int] = [:]
        var keys: [(first: Entry, second: Entry?, count: Int)] = []
        for (group, members) in groups.enumerated() where undecided[group] {
            for index in members where RecordReading.isAttempt(context.records, index) {
                let records = context.records
                let number = numbers.number(of: ClientKey(input: records[index].input,
                                                          proto: records[index].protocolNumber.rawValue,
                                                          address: records[index].origAddress,
                                                          port: records[index].origPort))
                let entry = Entry(group: group, record: index)
                if number == keys.count {
                    keys.append((entry, nil, 1))
                } else {
                    if keys[number].count == 1 { keys[number].second = entry }
                    keys[number].count += 1
                }
            }
        }
        return keys.compactMap { key in
            guard key.count == 2, let second = key.second else { return nil }
            return pair(key.first, second)
        }
    }

    private struct Entry {
        var group: Int
        var record: Int
    }

    private func pair(_ x: Entry, _ y: Entry) -> Pair? {
        guard x.group != y.group else { return nil }
        let records = context.records
        // In time order, the earlier first when equal (a stable sort of the two).
        let (a, b) = records[y.record].firstTime < records[x.record].firstTime ? (y, x) : (x, y)
        // Legs and fields read in place: a record copied out is 440 bytes.
        let into = records[a.record].linkLegs.first { $0.direction == .orig }?.leg
        let out = records[b.record].linkLegs.first { $0.direction == .orig }?.leg
        guard records[a.record].respAddress != records[b.record].respAddress,
              records[b.record].firstTime.rawValue - records[a.record].firstTime.rawValue <= windowNanoseconds,
              into?.source == nil || into?.source != out?.source else { return nil }
        var reading = Reading(.nat, .pairedAtOnePoint, vipVisible: true)
        reading.server = Sighting.Server(address: records[b.record].respAddress, port: records[b.record].respPort,
                                         mac: out?.destination ?? records[b.record].resp.mac)
        reading.vipMAC = into?.destination
        reading.directorMACs = [into?.destination, out?.source].compactMap { $0 }
        return Pair(client: a.group, server: b.group, reading: reading, clientRecord: a.record,
                    serverRecord: b.record)
    }
}
