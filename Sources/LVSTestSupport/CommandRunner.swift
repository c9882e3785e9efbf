import Foundation

/// Runs the built `lvscope` executable the way a user does, for end-to-end tests of the
/// command line: exit status, standard output and standard error.
public enum CommandRunner {
    public typealias Result = Subprocess.Result

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
        try Subprocess.run(executable().path, arguments, in: directory)
    }
}
