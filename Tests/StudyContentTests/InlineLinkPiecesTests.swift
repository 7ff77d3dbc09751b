import Testing
@testable import StudyContent
import StudyCore

/// How a paragraph's links become pieces, and list items resources: a link's text is what it
/// shows (trimmed, emphasis and code by their text), on the line it was written on, whether the
/// link is a lone text node or holds more.
@Suite struct InlineLinkPiecesTests {
    static func pieces(_ markdown: String) throws -> [[InlinePiece]] {
        let parsed = CmarkDocument.parse(markdown) { document in document.children.first.map { InlineLines($0).lines } }
        return try #require(parsed?.value)
    }

    @Test func aLinkOfOneTextNodeIsItsTrimmedText() throws {
        #expect(try Self.pieces("see [ Title ](https://a.org) now\n")
            == [[.text("see "), .link(url: "https://a.org", text: "Title"), .text(" now")]])
        #expect(try Self.pieces("[](https://a.org)\n") == [[.link(url: "https://a.org", text: "")]])
        #expect(try Self.pieces("[`code`](https://a.org) and [*em* x](https://b.org)\n")
            == [[.link(url: "https://a.org", text: "code"), .text(" and "), .link(url: "https://b.org", text: "em x")]])
    }

    @Test func linksKeepTheirLines() throws {
        #expect(try Self.pieces("[a](https://a.org)\n[b](https://b.org) c\n")
            == [[.link(url: "https://a.org", text: "a")], [.link(url: "https://b.org", text: "b"), .text(" c")]])
        #expect(try Self.pieces("[two\nlines](https://a.org) after\n")
            == [[.link(url: "https://a.org", text: "two lines")], [.text(" after")]])
    }

    @Test func aLinkInsideAnHTMLAnchorIsClosedWithIt() throws {
        #expect(try Self.pieces("<a href=\"https://a.org\">[t](https://b.org)</a> after\n")
            == [[.link(url: "https://a.org", text: "t"), .text(" after")]])
        #expect(try Self.pieces("x <a href=\"https://a.org\">y</a> [z](https://b.org)\n")
            == [[.text("x "), .link(url: "https://a.org", text: "y"), .text(" "), .link(url: "https://b.org", text: "z")]])
    }

    @Test func listItemsNameTheirResources() throws {
        let loaded = try Loaded(["a.md": """
            # A

            - read [the guide](https://a.org/g) before the exam
            - [Guide](https://b.org/g) — a short read (20 min)
            - [here](https://c.org/g): the guide to X
            - intro line
              [Two](https://d.org/g) on line two
            - [`Code`](https://e.org/g)
            """])
        let resources = loaded.resources(of: loaded.topic("A"))
        #expect(resources.map(\.title) == ["the guide", "Guide", "the guide to X", "Two", "Code"])
        #expect(resources.map(\.description) == ["read the guide before the exam", "a short read (20 min)", "here: the guide to X",
                                                 "intro line Two on line two", ""])
        #expect(resources.map(\.effortMinutes) == [nil, 20, nil, nil, nil])
        #expect(resources.map(\.source.line) == [3, 4, 5, 7, 8])
    }
}
