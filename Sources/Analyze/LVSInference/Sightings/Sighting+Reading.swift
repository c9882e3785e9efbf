import LVSFlows

extension Sighting {
    /// Takes the mode and the details of `reading`, seen on `record`.
    mutating func apply(_ reading: Reading, record: FlowRecord) {
        mode = reading.mode
        basis = reading.basis
        server = reading.server
        localAddress = reading.localAddress
        vipMAC = reading.vipMAC
        directorMACs = reading.directorMACs
        detail = reading.detail
        if reading.vipVisible {
            service = VirtualServiceID(vip: record.respAddress, port: record.respPort,
                                       protocolNumber: record.protocolNumber)
        } else {
            serverSide = (record.respAddress, record.respPort)
        }
    }
}
