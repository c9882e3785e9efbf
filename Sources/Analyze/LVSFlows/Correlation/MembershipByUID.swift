import Synchronization

/// `CorrelationResult.membership`: given, or made once from the membership by record
/// index on first use (by whichever thread asks first).
final class MembershipByUID: Sendable {
    private let made: Mutex<[FlowUID: CorrelationResult.Member]?>
    private let members: [CorrelationResult.Member?]
    private let uids: [FlowUID]

    init(_ membership: [FlowUID: CorrelationResult.Member]) {
        made = Mutex(membership)
        members = []
        uids = []
    }

    init(members: [CorrelationResult.Member?], uids: [FlowUID]) {
        made = Mutex(nil)
        self.members = members
        self.uids = uids
    }

    var value: [FlowUID: CorrelationResult.Member] {
        made.withLock { made in
            if let made { return made }
            let result = make()
            made = result
            return result
        }
    }

    private func make() -> [FlowUID: CorrelationResult.Member] {
        var byUID: [FlowUID: CorrelationResult.Member] = [:]
        byUID.reserveCapacity(members.count { $0 != nil })
        for i in members.indices where i < uids.count {
            guard let member = members[i] else { continue }
            // Two records can share a uid (a tuple reused within one timestamp tick): the
            // uid's entry joins their rewrites, as a record on several legs does.
            let joined = byUID[uids[i]].map { $0.rewrites.union(member.rewrites) } ?? member.rewrites
            byUID[uids[i]] = (member.connection, joined)
        }
        return byUID
    }
}
