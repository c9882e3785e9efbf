import Foundation
import Testing
@testable import LVSConfig

/// Relative includes resolve against the including file's directory; a cycle is found by
/// the files' resolved paths.
@Suite struct ConfigFilePathTests {
    @Test(arguments: [
        ("keepalived.conf", "."),
        ("conf.d/", "."),
        ("/etc/keepalived/keepalived.conf", "/etc/keepalived"),
        ("/etc//keepalived//x.conf", "/etc//keepalived"),
        ("/x.conf", "/"),
        ("/", "/"),
        ("a/b/", "a"),
    ])
    func directoryOfAPath(_ path: String, _ directory: String) {
        #expect(ConfigFile.directory(of: path) == directory)
    }

    @Test func canonicalResolvesDotsAndLinksAndKeepsWhatDoesNotExist() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = try scratch.write("a.conf", "\n")
        try scratch.write("sub/b.conf", "\n")
        let real = ConfigFile.canonical(file)
        #expect(real.hasSuffix("/a.conf") && !real.contains("/./"))
        #expect(ConfigFile.canonical("\(scratch.path)/./sub/../a.conf") == real)
        #expect(symlink(file, "\(scratch.path)/link.conf") == 0)
        #expect(ConfigFile.canonical("\(scratch.path)/link.conf") == real)
        #expect(ConfigFile.canonical("/nonexistent/lvscope.conf") == "/nonexistent/lvscope.conf")
    }
}
