import Testing
@testable import StudyText

/// "1 resource", never "1 resources".
@Suite struct PluralTests {
    @Test func oneIsSingularAndEveryOtherCountPlural() {
        #expect(Plural.count(1, "resource") == "1 resource")
        #expect(Plural.count(0, "resource") == "0 resources")
        #expect(Plural.count(2, "topic") == "2 topics")
        #expect(Plural.count(1, "entry", plural: "entries") == "1 entry")
        #expect(Plural.count(3, "entry", plural: "entries") == "3 entries")
    }
}
