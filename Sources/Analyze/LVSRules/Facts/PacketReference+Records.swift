import LVSFlows
import LVSInference

extension PacketReference {
    /// A flow's first packet, cited at its capture file (not the sub-point: frame numbers
    /// count the file's records).
    init(firstOf record: FlowRecord) {
        self.init(capture: record.point.point, frame: record.firstFrame, time: record.firstTime)
    }

    /// `records[index]`'s first packet, read in place (a record copied out is 440 bytes).
    init(firstOf index: Int, in records: [FlowRecord]) {
        self.init(capture: records[index].point.point, frame: records[index].firstFrame,
                  time: records[index].firstTime)
    }

    /// A flow's last packet.
    init(lastOf record: FlowRecord) {
        self.init(capture: record.point.point, frame: record.lastFrame, time: record.lastTime)
    }

    /// The first ICMP error that quoted `records[index]`, read in place.
    init(errorOf index: Int, in records: [FlowRecord], _ error: ICMPErrorSummary) {
        self.init(capture: records[index].point.point, frame: error.frame, time: error.time)
    }

    /// The first ICMP error that quoted a flow.
    init(errorOf record: FlowRecord, _ error: ICMPErrorSummary) {
        self.init(capture: record.point.point, frame: error.frame, time: error.time)
    }

    /// The first ARP or neighbour-discovery message of a claim.
    init(claim: AddressClaim) {
        self.init(capture: claim.point.point, frame: claim.firstFrame, time: claim.firstTime)
    }
}
