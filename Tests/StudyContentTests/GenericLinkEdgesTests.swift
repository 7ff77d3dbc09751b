import StudyContent
import StudyCore
import Testing

/// Link text that names nothing, however it is bracketed or punctuated, is not a title; the same
/// words inside a longer text are one.
@Suite struct GenericLinkEdgesTests {
    @Test func punctuationAroundAGenericWordIsTrimmedFromBothEnds() throws {
        let loaded = try Loaded(["t.md": """
            # T
            - [source.](https://a.example/guide)
            - [(here)!](https://b.example/docs/start)
            - [“link”...](https://c.example/x)
            - [sources and methods](https://d.example/m)
            - [here and there.](https://e.example/h)

            """])
        #expect(loaded.resource(titled: "a.example › guide") != nil)
        #expect(loaded.resource(titled: "b.example › start") != nil)
        #expect(loaded.resource(titled: "c.example › x") != nil)
        #expect(loaded.resource(titled: "sources and methods") != nil)
        #expect(loaded.resource(titled: "here and there.") != nil)
    }

    @Test func genericWordsAreKnownInAnyCaseAndNumbersAndMarksNameNothing() throws {
        let loaded = try Loaded(["t.md": """
            # T
            - [HERE](https://a.example/guide)
            - [Source:](https://b.example/docs/start)
            - [36](https://c.example/x)
            - [^3](https://d.example/y)
            - [#1 Source](https://e.example/z)
            - [Here Now](https://f.example/w)

            """])
        #expect(loaded.resource(titled: "a.example › guide") != nil)
        #expect(loaded.resource(titled: "b.example › start") != nil)
        #expect(loaded.resource(titled: "c.example › x") != nil)
        #expect(loaded.resource(titled: "d.example › y") != nil)
        #expect(loaded.resource(titled: "#1 Source") != nil)
        #expect(loaded.resource(titled: "Here Now") != nil)
    }

    @Test func aLinksTextJoinsItsPiecesWhateverTheirBytes() throws {
        let loaded = try Loaded(["t.md": """
            # T
            - [café *über* &amp; naïve `code` ✓](https://a.example/guide)

            """])
        #expect(loaded.resource(titled: "café über & naïve code ✓") != nil)
    }
}
