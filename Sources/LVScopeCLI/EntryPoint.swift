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
        reserveStandardDescriptors()
        // Past `ulimit -f` a write fails with EFBIG, an error that removes the staged
        // output, instead of a signal that kills the process and leaves it behind.
        signal(SIGXFSZ, SIG_IGN)
        TemporaryFiles.install()
        refuseNonUTF8Arguments()
        refuseEmptyInlineValues(CommandLine.arguments.dropFirst())
        refuseEmptyArguments(CommandLine.arguments.dropFirst())
        refuseHelpOnUnknownCommand(CommandLine.arguments.dropFirst())
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
            // The whole message: a newline in it comes from a value (a path, a point name),
            // and `fail` writes it escaped, on one line.
            // The parser's alternatives ("A\n   or: B") are joined on the line.
            let text = LVScopeCommand.message(for: error).trimmingTrailingNewlines
                .replacing("\n   or: ", with: "; or: ")
            let message = text.isEmpty ? "invalid arguments" : text
            fail(message.replacingPrefix("Error: ", with: "") + " (see 'lvscope help')")
        }
    }

    /// swift-argument-parser 1.8.2 reads `--output=` (nothing after the `=`) as asking for
    /// the next argument, which then names the output: `--output= rs1.pcap rs2.pcap`
    /// overwrote the first capture with the report. An empty inline value is refused
    /// before parsing. Arguments after `--` are operands, left alone.
    static func refuseEmptyInlineValues(_ arguments: ArraySlice<String>) {
        for argument in arguments.prefix(while: { $0 != "--" })
        where argument.count > 3 && argument.hasPrefix("--") && argument.hasSuffix("=") {
            fail("an empty value after \"=\" (\(argument.dropLast()))")
        }
    }

    /// An empty argument names no file, interface or value: `--client-interface ""` reached
    /// libpcap, `-o ""` a generic error.
    static func refuseEmptyArguments(_ arguments: ArraySlice<String>) {
        var previous: String?
        for argument in arguments {
            if argument.isEmpty {
                if let previous, previous.hasPrefix("-"), previous != "-", previous != "--" {
                    fail("an empty argument (after \(previous))")
                }
                fail("an empty argument names nothing (\"\")")
            }
            previous = argument
        }
    }

    /// Swift's arguments replace bytes that are not UTF-8 with U+FFFD: a Latin-1 file name
    /// read as "not found", and an output went to a file of another name. Refused, showing
    /// the argument's bytes.
    static func refuseNonUTF8Arguments() {
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeRawBufferPointer(start: argument, count: strlen(argument))
            guard String(validating: bytes, as: UTF8.self) == nil else { continue }
            let shown = bytes.map { byte in
                (0x20..<0x7F).contains(byte)
                    ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true)
            }.joined()
            fail("an argument is not UTF-8; lvscope takes paths and names in UTF-8 (\(shown))")
        }
    }

    /// `lvscope help nosuch` printed the general help with exit status 0, as if it had
    /// answered; the parser takes any word there.
    static func refuseHelpOnUnknownCommand(_ arguments: ArraySlice<String>) {
        guard arguments.first == "help", let name = arguments.dropFirst().first, !name.hasPrefix("-") else { return }
        let known = LVScopeCommand.configuration.subcommands.map { $0._commandName } + ["help"]
        guard known.contains(name) else {
            fail("unknown command \"\(name)\"; commands are \(known.dropLast().joined(separator: ", ")) (help)")
        }
    }

    /// A standard stream the parent closed would be the next file opened: a JUnit file
    /// would get the report written to standard output. Each closed one is taken by
    /// /dev/null opened for reading, so that writes to it fail (EBADF) as they did.
    static func reserveStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 {
            let reserved = open("/dev/null", O_RDONLY)
            if reserved >= 0, reserved != fd { close(reserved) }
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

    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
