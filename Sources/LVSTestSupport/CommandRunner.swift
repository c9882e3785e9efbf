import Foundation

/// Runs the built `lvscope` executable the way a user does, for end-to-end tests of the
/// command line: exit status, standard output and standard error.
public enum CommandRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    /// The `lvscope` binary next to the test bundle (`swift build --build-tests` builds it).
    public static func executable() throws -> URL {
        let root = try FixturePaths.repositoryRoot()
        let candidates = [".build/debug/lvscope", ".build/x86_64-unknown-linux-gnu/debug/lvscope",
                          ".build/aarch64-unknown-linux-gnu/debug/lvscope", ".build/release/lvscope"]
        for candidate in candidates {
            let url = root.appendingPathComponent(candidate)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw FixturePaths.Missing(description: "lvscope executable not built; run `swift build --build-tests` first")
    }

    public static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        try run(program: executable().path, arguments, in: directory)
    }

    /// Runs another program (a helper script, `python3` through `/usr/bin/env`) the same way.
    public static func run(program: String, _ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes before waiting, so a large output cannot fill a pipe and block.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      error: String(decoding: errorData, as: UTF8.self))
    }
}
