import Foundation

/// Where tests find their input files.
///
/// The repository root is found by walking up from this source file to the directory
/// holding `Package.swift`. The shared corpus lives beside the checkout, at
/// `<root>/../shared/corpus` (in CI too, where the repository is cloned next to
/// `shared/`); when it is missing, the accessors throw an error that says where they
/// looked, so a test fails with that message rather than with a confusing read error.
public enum FixturePaths {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    /// The checkout's root directory (the one with `Package.swift`).
    public static func repositoryRoot(filePath: String = #filePath) throws -> URL {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        throw Missing(description: "no Package.swift above \(filePath)")
    }

    /// `<root>/../shared/corpus`.
    public static func sharedCorpus() throws -> URL {
        let corpus = try repositoryRoot().deletingLastPathComponent()
            .appendingPathComponent("shared/corpus").standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Missing(description: "shared corpus not found at \(corpus.path): tests expect the "
                + "`shared/` folder (with corpus/) next to the repository checkout")
        }
        return corpus
    }

    /// A file under the shared corpus, e.g. `lvscope-fixtures/lvs-nat.pcap`; throws when
    /// it does not exist.
    public static func corpusFile(_ relativePath: String) throws -> String {
        let file = try sharedCorpus().appendingPathComponent(relativePath).path
        guard FileManager.default.fileExists(atPath: file) else {
            throw Missing(description: "corpus file \(relativePath) not found at \(file)")
        }
        return file
    }

    /// The regular files of a corpus folder, sorted by name (deterministic test order).
    public static func corpusFiles(in folder: String, extensions: Set<String>) throws -> [String] {
        let directory = try sharedCorpus().appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension) }
            .sorted()
            .map { directory.appendingPathComponent($0).path }
    }
}
