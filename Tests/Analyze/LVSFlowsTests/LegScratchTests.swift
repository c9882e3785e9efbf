@testable import LVSFlows
import LVSWire
import Testing

/// `LegScratch.sharedLinks`: an equal list handed out lately is shared, never changed by
/// the scratch list's later use.
@Suite struct LegScratchTests {
    @Test("equal link lists share storage; the lists stay what they were")
    func sharesEqualLists() {
        let a = LinkLeg(source: MACAddress(rawValue: 0x0200_0000_0001),
                        destination: MACAddress(rawValue: 0x0200_0000_0002))
        let b = LinkLeg(source: MACAddress(rawValue: 0x0200_0000_0002), destination: nil, cookedPacketType: 4)
        let c = LinkLeg(source: nil, destination: nil, encapsulated: true)
        var scratch = LegScratch()
        scratch.links = [a, b]
        let first = scratch.sharedLinks()
        scratch.links.removeAll(keepingCapacity: true)
        scratch.links.append(contentsOf: [a, b])
        let again = scratch.sharedLinks()
        #expect(first == [a, b] && again == [a, b])
        #expect(first.withUnsafeBufferPointer(\.baseAddress) == again.withUnsafeBufferPointer(\.baseAddress))
        // The scratch list's buffer is not the shared one: changing it changes neither.
        scratch.links[0] = c
        #expect(first == [a, b] && again == [a, b])
        #expect(scratch.links.withUnsafeBufferPointer(\.baseAddress) != first.withUnsafeBufferPointer(\.baseAddress))
        for list in [[c], [a], [b, a], [a, b, c], []] {
            scratch.links = list
            #expect(scratch.sharedLinks() == list)
        }
    }
}
