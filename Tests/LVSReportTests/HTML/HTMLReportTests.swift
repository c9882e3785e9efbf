import Foundation
import LVSCapture
import LVScope
import LVSReport
import LVSTestSupport
import Testing

/// The HTML reports: well-formed (tags closed, ids unique, every in-page link lands),
/// self-contained (no URL, no script), and escaping by construction — a capture full of
/// markup produces a page with none of it as markup.
@Suite struct HTMLReportTests {
    static func goldenPages() throws -> [String] {
        let golden = try FixturePaths.repositoryRoot().appendingPathComponent("Reports/golden")
        return try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted()
            .map { golden.appendingPathComponent("\($0)/report.html").path }
    }

    /// Runs Reports/tools/check_html_structure.py (python3's html.parser and an XML parser).
    static func structureProblems(_ paths: [String]) throws -> String {
        let tool = try FixturePaths.repositoryRoot().appendingPathComponent("Reports/tools/check_html_structure.py")
        let outcome = try Subprocess.run("/usr/bin/env", ["python3", tool.path] + paths)
        return outcome.status == 0 ? "" : outcome.output + outcome.error
    }

    @Test func goldenPagesAreWellFormed() throws {
        let pages = try Self.goldenPages()
        #expect(pages.count >= 20)
        let problems = try Self.structureProblems(pages)
        #expect(problems.isEmpty, "\(problems)")
    }

    /// No reference leaves the page: every href and src is an in-page `#` anchor, and no
    /// URL scheme appears anywhere (the SVG needs no xmlns inside HTML).
    @Test func pagesReferenceNothingOutside() throws {
        for path in try Self.goldenPages() {
            let page = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!page.contains("http://") && !page.contains("https://"), "\(path)")
            #expect(!page.contains("<script") && !page.contains("<link") && !page.contains("<img"), "\(path)")
            for attribute in ["href=\"", "src=\""] {
                var rest = page[...]
                while let range = rest.range(of: attribute) {
                    let value = rest[range.upperBound...]
                    #expect(value.hasPrefix("#"), "\(path): \(attribute)\(value.prefix(30))")
                    rest = rest[range.upperBound...]
                }
            }
        }
    }

    @Test func nodesEscapeTextAndAttributes() {
        let node = HTMLNode.element("p", [("title", "\"><script>x</script>"), ("on click", "y"), ("class", "a&b")],
                                    [.text("<b>bold</b> & 'q'"), .element("br")])
        #expect(node.rendered() == "<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\" class=\"a&amp;b\">"
            + "&lt;b&gt;bold&lt;/b&gt; &amp; 'q'<br/></p>")
        #expect(HTMLNode.element("div").rendered() == "<div></div>", "non-void elements always get an end tag")
    }

    @Test func markupInACaptureStaysText() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("hostile.pcapng")
        try Data(HostileCapture.bytes()).write(to: URL(fileURLWithPath: path))
        let point = "<script>alert('point')</script>"
        let result = try Analysis.run(inputs: [CaptureInput(point: point, path: path)], options: AnalysisOptions())
        #expect(result.flows.packets == 9, "the hand-made capture reads back")
        #expect(result.correlation.connections.count == 1, "the two interfaces' legs stitch: sub-points appear")
        let page = try result.rendered(.html)
        let file = directory.path("hostile.html")
        try page.write(toFile: file, atomically: true, encoding: .utf8)
        let problems = try Self.structureProblems([file])
        #expect(problems.isEmpty, "\(problems)")
        #expect(!page.contains("<script") && !page.contains("<img") && !page.contains("<b>") && !page.contains("<i>"))
        #expect(page.contains("&lt;script&gt;alert('point')&lt;/script&gt;"), "the point name is shown, as text")
        #expect(page.contains("&lt;i&gt;eth0"), "the interface name is shown, as text")
        #expect(page.contains("&lt;script&gt;alert('section')&lt;/script&gt;"), "the section comment, as text")
        #expect(page.contains("&lt;i&gt;eth0: &lt;script&gt;alert('ifcomment')&lt;/script&gt;"),
                "interface comments, as text")
        for marker in HostileCapture.hiddenMarkers {
            #expect(!page.contains(marker), "payloads and DNS names are not shown at all: \(marker)")
        }
    }
}
