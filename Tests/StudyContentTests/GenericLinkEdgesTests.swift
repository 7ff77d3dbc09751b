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
}
