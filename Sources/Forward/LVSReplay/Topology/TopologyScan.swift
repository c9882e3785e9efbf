import LVSCapture
import LVSDecode
import LVSForwarding

/// The pass over the captures that gathers topology evidence before the replay. It reads
/// every file (inputs and `--against` points) until the topology can be inferred and at
/// least `minimumPackets` frames were seen, so a long capture costs only its beginning.
enum TopologyScan {
    static let minimumPackets = 10_000
    static let checkEvery = 4_096

    static func infer(from captures: [CaptureInput], addresses: DeploymentAddresses,
                      overrides: TopologyOverrides) throws(ReplayError) -> (DirectorTopology, [String]) {
        var evidence = TopologyEvidence(addresses: addresses)
        let decoder = PacketDecoder()
        var packet = DecodedPacket()
        scan: for capture in captures {
            let reader: CaptureReader
            do {
                reader = try CaptureReader(path: capture.path)
            } catch {
                throw ReplayError(error)
            }
            do {
                while let borrowed = try reader.nextPacket() {
                    decoder.decode(borrowed.bytes, linkType: borrowed.record.linkType,
                                   originalLength: borrowed.record.originalLength, into: &packet)
                    evidence.observe(PacketFacts(packet, bytes: borrowed.bytes, withKey: false))
                    if evidence.packets >= minimumPackets, evidence.packets % checkEvery == 0 {
                        var trial = TopologyInference(evidence: evidence, overrides: overrides)
                        if (try? trial.infer()) != nil { break scan }
                    }
                }
            } catch {
                throw ReplayError(error)
            }
        }
        var inference = TopologyInference(evidence: evidence, overrides: overrides)
        let topology = try inference.infer()
        return (topology, inference.notes)
    }
}
