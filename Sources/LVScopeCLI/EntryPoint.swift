import ArgumentParser
import LVScope
import LVSReport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the command and turns every failure into DESIGN.md §4's contract: one line
/// `lvscope: error: <what> (<where>)` on standard error and exit status 2 for bad input;
/// commands that report a verdict (check, replay) throw `ExitCode(1)` themselves.
@main
enum EntryPoint {
    static func main() {
        MemoryPolicy.apply()
        do {
            var command = try LVScopeCommand.parseAsRoot()
            try command.run()
        } catch let error as LVScopeError {
            fail(error.description)
        } catch let error as OutputError {
            fail(error.description)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let exitCode = LVScopeCommand.exitCode(for: error)
            // Help and version requests are "errors" that exit 0 with their text.
            if exitCode == .success { LVScopeCommand.exit(withError: error) }
            let message = LVScopeCommand.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            fail(message.replacingPrefix("Error: ", with: "") + " (see 'lvscope help')")
        }
    }

    static func fail(_ message: String) -> Never {
        writeStandardError("lvscope: error: \(message)")
        exit(2)
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
