import Testing
import StudyText

/// Word wrap keeps a code span on one line when it fits on one.
@Suite struct CodeSpanWrapTests {
    @Test func aCodeSpanIsNotBrokenAtItsSpacesWhenItFitsOnTheNextLine() {
        let spans = [StyledSpan("one two "), StyledSpan("pip install x", .code), StyledSpan(" now")]
        let lines = StyledWrap.wrap(spans, width: 16).map(\.text)
        #expect(lines == ["one two", "pip install x", "now"])
    }
}
