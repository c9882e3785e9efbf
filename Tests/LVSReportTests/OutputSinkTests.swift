import Foundation
import LVSReport
import LVSTestSupport
import Testing

/// `OutputSink`: what goes in comes out in order, through its own buffer growing past
/// its initial size and being written out at its threshold, and a failing write names
/// the file.
@Suite struct OutputSinkTests {
    @Test("text, lines and byte lines reach the file in order, large ones whole")
    func roundTrip() throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path("out.txt")
        let large = String(repeating: "0123456789abcdef", count: 20_000) // 320 KB: more than the buffer
        var expected = ""
        do {
            let sink = try OutputSink(path: path)
            try sink.write("head ")
            expected += "head "
            for i in 0..<10_000 { // about 100 KB of lines: crosses the write-out threshold
                try sink.writeLine("line \(i)")
                expected += "line \(i)\n"
            }
            try sink.writeLine(bytes: { $0 += Array("bytes é".utf8) })
            expected += "bytes é\n"
            try sink.write(large)
            expected += large
            try sink.writeLine("")
            expected += "\n"
        } // deinit flushes what is left
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    @Test("a write that fails throws an error naming the file")
    func failure() throws {
        let sink = try OutputSink(path: "/dev/full") // every write fails with ENOSPC
        try sink.writeLine("no room")
        let error = #expect(throws: OutputError.self) { try sink.flush() }
        #expect(error?.path == "/dev/full" && error?.message.isEmpty == false)
        // The failed bytes were dropped, not kept to fail again forever.
        try sink.writeLine("again")
        #expect(throws: OutputError.self) { try sink.flush() }
    }

    @Test("a path that cannot be opened is an error")
    func badPath() {
        #expect(throws: OutputError.self) { try OutputSink(path: "/nonexistent-dir/out.txt") }
    }
}
