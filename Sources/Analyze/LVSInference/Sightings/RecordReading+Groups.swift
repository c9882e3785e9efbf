import LVSFlows

extension RecordReading {
    /// The unstitched records grouped by 5-tuple and occurrence, in first-seen order: the
    /// n-th open occurrence of a tuple at one input goes with the n-th at every other.
    func groups() -> [[Int]] {
        // Each tuple hashed once per input it was seen at (numbered, not looked up in
        // several sets and tables), and each occurrence keyed by two small numbers.
        let runs = openRuns()
        // A tuple is one run per input: with every run at one input no two share a group,
        // and each occurrence is a group of its own, in order.
        if let input = runs.first?.tuple.input, runs.allSatisfy({ $0.tuple.input == input }) {
            return runs.flatMap { occurrences($0.members).map(Array.init) }
        }
        var shared = [TupleAtInput: Int](minimumCapacity: runs.count)
        var groupOf = [SharedOccurrence: Int](minimumCapacity: runs.count)
        var result: [[Int]] = []
        result.reserveCapacity(runs.count)
        for run in runs {
            var tuple = run.tuple
            tuple.input = -1
            let number = shared.number(of: tuple)
            for (occurrence, members) in occurrences(run.members).enumerated() {
                let group = groupOf.number(of: SharedOccurrence(tuple: number, occurrence: occurrence))
                if group == result.count {
                    result.append(Array(members))
                } else {
                    result[group].append(contentsOf: members)
                }
            }
        }
        return result
    }

    private struct SharedOccurrence: Hashable {
        var tuple: Int
        var occurrence: Int
    }

    /// The records of each tuple at an input that has a record correlation did not stitch,
    /// in record order, the tuples in first-seen order (inputs in order).
    func openRuns() -> [(tuple: TupleAtInput, members: ArraySlice<Int>)] {
        // A cheap key (input, protocol, ports) of the unstitched records rules out most
        // stitched records before their tuple is hashed.
        var openPorts: Set<UInt64> = []
        for profile in context.profiles {
            for index in profile.records where !context.isStitched(index) {
                openPorts.insert(Self.ports(context.records[index]))
            }
        }
        guard !openPorts.isEmpty else { return [] }
        var candidates: [(tuple: Int, index: Int)] = []
        for profile in context.profiles {
            for index in profile.records where openPorts.contains(Self.ports(context.records[index])) {
                candidates.append((0, index))
            }
        }
        var numbers = [TupleAtInput: Int](minimumCapacity: candidates.count)
        var tuples: [(tuple: TupleAtInput, open: Bool, count: Int)] = []
        for k in candidates.indices {
            let index = candidates[k].index
            let tuple = TupleAtInput(context.records[index])
            let number = numbers.number(of: tuple)
            if number == tuples.count { tuples.append((tuple, false, 0)) }
            if !context.isStitched(index) { tuples[number].open = true }
            tuples[number].count += 1
            candidates[k].tuple = number
        }
        // The members of each tuple, contiguous and in record order (a counting sort).
        var start = [Int](repeating: 0, count: tuples.count + 1)
        for number in tuples.indices { start[number + 1] = start[number] + tuples[number].count }
        var next = start
        var members = [Int](repeating: 0, count: candidates.count)
        for candidate in candidates {
            members[next[candidate.tuple]] = candidate.index
            next[candidate.tuple] += 1
        }
        return tuples.indices.filter { tuples[$0].open }.map { number in
            (tuples[number].tuple, members[start[number]..<start[number + 1]])
        }
    }

    /// A tuple's records split into occurrences: a record that starts after the previous
    /// ones ended is a new connection on the same tuple; overlapping records are halves of
    /// one flow. Occurrences with a stitched record are left out (their connection is
    /// already read), and so are their other halves.
    func occurrences(_ records: ArraySlice<Int>) -> [ArraySlice<Int>] {
        var open: [ArraySlice<Int>] = []
        var start = records.startIndex
        var end = Int64.min
        var stitched = false
        for position in records.indices {
            let index = records[position]
            if position > records.startIndex, context.records[index].firstTime.rawValue <= end {
                end = max(end, context.records[index].lastTime.rawValue)
                stitched = stitched || context.isStitched(index)
                continue
            }
            if position > records.startIndex, !stitched { open.append(records[start..<position]) }
            start = position
            end = context.records[index].lastTime.rawValue
            stitched = context.isStitched(index)
        }
        if !records.isEmpty, !stitched { open.append(records[start...]) }
        return open
    }

    static func ports(_ r: FlowRecord) -> UInt64 {
        UInt64(r.input) << 40 | UInt64(r.protocolNumber.rawValue) << 32 | UInt64(r.origPort) << 16 | UInt64(r.respPort)
    }
}
