import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LVSReport
import Testing

/// XML is escaped by construction: any text or attribute value gives a well-formed
/// document that parses back to the same strings.
@Suite struct XMLTreeTests {
    static let hostile = "a<b>&\"c\" 'd'\n\te\u{1}f\u{FFFF}g ]]> h"

    @Test func textAndAttributesRoundTrip() throws {
        let tree = XMLTree("root", [("attr", Self.hostile)], children: [XMLTree("child", text: Self.hostile)])
        let document = try XMLDocument(xmlString: tree.document())
        let root = try #require(document.rootElement())
        let attribute = root.attribute(forName: "attr")?.stringValue
        // Controls XML 1.0 cannot carry become U+FFFD; the rest comes back as written.
        let expected = Self.hostile.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}")
            .replacingOccurrences(of: "\u{FFFF}", with: "\u{FFFD}")
        #expect(attribute == expected)
        #expect(root.elements(forName: "child").first?.stringValue == expected)
    }

    @Test func emptyElementsCloseThemselves() {
        #expect(XMLTree("a", [("x", "1")]).rendered() == "<a x=\"1\"/>")
        #expect(XMLTree("a", text: "").rendered() == "<a></a>")
    }
}
