import LVSCapture
import LVSConfig
import LVSFlows
import LVSInference
import LVSReport
import LVSRules

/// The facade of `lvscope analyze`: loads the configuration and kernel profile, reads the
/// captures into flows and stitched connections (`FlowAnalysis`), infers roles and modes
/// (`ServiceInference`) and runs the rules (`RuleCatalog`). Every failure becomes one
/// `LVScopeError` line (exit status 2).
public enum Analysis {
    /// The configuration's warnings go to `warn` as soon as it is read, so that they are
    /// seen even when a capture then turns out to be bad.
    public static func run(inputs: [CaptureInput], options: AnalysisOptions,
                           warn: (ConfigWarning) -> Void = { _ in }) throws -> AnalysisResult {
        guard !inputs.isEmpty else { throw LVScopeError("no capture given", at: "CAPTURE") }
        let deployment = try options.configPath.map { path throws(LVScopeError) in
            try loadConfiguration(path, directory: options.directory)
        }
        deployment?.warnings.forEach(warn)
        let profile = try kernelProfile(options.kernel, deployment: deployment)
        let names = Set(inputs.map(\.point))
        for name in options.forcedRoles.keys.sorted() where !names.contains(name) {
            // A sub-point (`NAME/IFACE`) shares its file's role: the role is the host's.
            if let slash = name.lastIndex(of: "/"), names.contains(String(name[..<slash])) {
                throw LVScopeError("a role belongs to a capture point, not to its sub-point \"\(name)\"; give "
                    + "it for \"\(name[..<slash])\"", at: "--role")
            }
            throw LVScopeError("no capture point named \"\(name)\"; points are "
                + inputs.map(\.point).joined(separator: ", "), at: "--role")
        }
        let configuration = FlowConfiguration(timeouts: profile.timeouts.applying(deployment?.timeoutOverrides))
        let resolved = inputs.map { CaptureInput(point: $0.point, path: resolve($0.path, in: options.directory)) }
        var analysis = try FlowAnalysis.run(resolved, verifyChecksums: options.verifyChecksums,
                                            configuration: configuration, progress: options.progress)
        for i in analysis.collection.points.indices where i < inputs.count {
            analysis.collection.points[i].input = inputs[i]
        }
        let inference = ServiceInference.infer(InferenceInput(flows: analysis.collection,
                                                              correlation: analysis.correlation,
                                                              deployment: deployment,
                                                              forcedRoles: options.forcedRoles))
        let findings = RuleCatalog.evaluate(AnalysisContext(flows: analysis.collection,
                                                            correlation: analysis.correlation,
                                                            inference: inference, deployment: deployment,
                                                            profile: profile))
        return AnalysisResult(flows: analysis.collection, correlation: analysis.correlation, deployment: deployment,
                              profile: profile, inference: inference, findings: findings,
                              summary: AnalysisSummary(flows: analysis.collection, inference: inference,
                                                       findings: findings))
    }

    /// `path` under `directory` when it is relative and a directory is given.
    static func resolve(_ path: String, in directory: String?) -> String {
        guard let directory, !path.hasPrefix("/") else { return path }
        return directory + "/" + path
    }

    static func loadConfiguration(_ path: String, directory: String?) throws(LVScopeError) -> Deployment {
        do {
            return try Deployment.load(path: resolve(path, in: directory), displayedAs: path)
        } catch {
            throw LVScopeError(error.message, at: error.location)
        }
    }

    /// The named profile, else DPVS for a configuration with FULL-NAT real servers (the
    /// syntax it is written in), else Linux 6.8.
    static func kernelProfile(_ name: String?, deployment: Deployment?) throws(LVScopeError) -> KernelProfile {
        if let name { return try Replaying.kernelProfile(named: name) }
        let usesFullNAT = deployment?.services.contains { $0.modes.contains(.fullNAT) } ?? false
        return usesFullNAT ? .dpvs : .default
    }
}
