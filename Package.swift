// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every target: every existential is spelled `any`, and invariant
/// checks (`checkInvariants()` on tables) run in debug builds only.
let common: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .define("LVSCOPE_INTERNAL_CHECKS", .when(configuration: .debug)),
]

func analyze(_ name: String, _ deps: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: deps, path: "Sources/Analyze/\(name)", swiftSettings: common)
}

func forward(_ name: String, _ deps: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: deps, path: "Sources/Forward/\(name)", swiftSettings: common)
}

func tests(_ name: String, _ deps: [Target.Dependency], under folder: String? = nil) -> Target {
    let path = folder.map { "Tests/\($0)/\(name)" } ?? "Tests/\(name)"
    return .testTarget(name: name, dependencies: deps + ["LVSTestSupport"], path: path, swiftSettings: common)
}

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let collections: Target.Dependency = .product(name: "Collections", package: "swift-collections")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")

let package = Package(
    name: "lvscope",
    products: [
        .executable(name: "lvscope", targets: ["LVScopeCLI"]),
        .library(name: "LVScope", targets: ["LVScope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Shared foundations.
        .systemLibrary(name: "CPcap", pkgConfig: "libpcap", providers: [.apt(["libpcap-dev"])]),
        .target(name: "CSystemShims"),
        .target(name: "LVSWire", swiftSettings: common),
        .target(name: "LVSConfig", dependencies: ["LVSWire"], swiftSettings: common),

        // Pipeline 1: captures -> decode -> flows -> inference -> rules.
        analyze("LVSCapture", ["LVSWire", "CPcap"]),
        analyze("LVSDecode", ["LVSWire"]),
        analyze("LVSFlows", ["LVSDecode", "LVSWire", "LVSConfig", "LVSCapture", collections, crypto]),
        analyze("LVSInference", ["LVSFlows", "LVSDecode", "LVSWire", "LVSConfig"]),
        analyze("LVSRules", ["LVSInference", "LVSFlows", "LVSDecode", "LVSWire", "LVSConfig"]),

        // Pipeline 2: config -> forwarding core -> replay and diff.
        forward("LVSForwarding", ["LVSWire", "LVSConfig"]),
        forward("LVSReplay", ["LVSForwarding", "LVSCapture", "LVSDecode", "LVSFlows", "LVSWire", "LVSConfig"]),

        // Sinks and shells.
        .target(name: "LVSReport", dependencies: ["LVSRules", "LVSInference", "LVSFlows", "LVSReplay",
                                                  "LVSCapture", "LVSWire", "LVSConfig"],
                swiftSettings: common),
        .target(name: "LVScope", dependencies: ["LVSReport", "LVSRules", "LVSInference", "LVSFlows",
                                                "LVSDecode", "LVSCapture", "LVSReplay", "LVSForwarding",
                                                "LVSConfig", "LVSWire"],
                swiftSettings: common),
        .executableTarget(name: "LVScopeCLI", dependencies: ["LVScope", "CSystemShims", argumentParser],
                          swiftSettings: common),
        .target(name: "LVSTestSupport", dependencies: ["LVSWire", "LVSCapture", "LVSConfig"], swiftSettings: common),

        // Tests mirror Sources/.
        tests("LVSWireTests", ["LVSWire"]),
        tests("LVSConfigTests", ["LVSConfig", "LVSWire"]),
        tests("LVSCaptureTests", ["LVSCapture", "LVSWire"], under: "Analyze"),
        tests("LVSDecodeTests", ["LVSDecode", "LVSCapture", "LVSWire"], under: "Analyze"),
        tests("LVSFlowsTests", ["LVSFlows", "LVSDecode", "LVSCapture", "LVSConfig", "LVSWire"], under: "Analyze"),
        tests("LVSInferenceTests", ["LVSInference", "LVSFlows", "LVSConfig", "LVScope", "LVSWire"], under: "Analyze"),
        tests("LVSRulesTests", ["LVSRules", "LVSInference", "LVScope", "LVSConfig", "LVSWire"], under: "Analyze"),
        tests("LVSForwardingTests", ["LVSForwarding", "LVSConfig", "LVSDecode", "LVSCapture", "LVSWire"], under: "Forward"),
        tests("LVSReplayTests", ["LVSReplay", "LVScope", "LVSConfig", "LVSWire"], under: "Forward"),
        tests("LVSReportTests", ["LVSReport", "LVScope", "LVSRules", "LVSInference", "LVSWire"]),
        tests("LVScopeCLITests", ["LVScope"]),
    ]
)
