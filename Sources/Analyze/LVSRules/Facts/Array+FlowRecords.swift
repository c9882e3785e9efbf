import LVSFlows

extension [FlowRecord] {
    /// `self[i].primaryLeg(direction)`, read in place: calling the method of another module
    /// on an element copies the whole record (440 bytes and the retains of its fields).
    func primaryLeg(_ direction: FlowDirection, of i: Int) -> LinkLeg? {
        self[i].linkLegs.first { $0.direction == direction }?.leg
    }
}
