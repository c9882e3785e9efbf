import Foundation
import LVSCapture
import LVScope
import LVSTestSupport
import Testing

/// The text reports fit 100 columns with and without colour (escape sequences do not
/// count), colour codes appear only when asked for, and the order is the HTML page's:
/// verdict, services, findings with their fixes, captures.
@Suite struct TextReportWidthTests {
    @Test(arguments: ["nat-wrong-gateway", "dr-arp-leak", "two-vips-mixed", "fullnat-ok-v6"])
    func fitsHundredColumns(_ name: String) throws {
        let result = try GoldenReports.analyze(name)
        let plain = try result.rendered(.text)
        let coloured = try result.rendered(.text, color: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1m") && coloured.contains("\u{1B}[0m"))
        #expect(ANSIText.stripped(coloured) == plain, "colour adds escape sequences and nothing else")
        for line in coloured.split(separator: "\n") {
            #expect(ANSIText.stripped(String(line)).count <= 100, "\(name): \(line)")
        }
        let order = ["verdict: ", "\nServices\n", "\nFindings\n", "\nCaptures\n"]
            .map { plain.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }
}
