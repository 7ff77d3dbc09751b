import StudyCore
import Testing
@testable import StudyTUI

/// An annotation as the screen shows it, whatever its size.
@Suite struct AnnotationTextTests {
    @Test func theReaderCutsAnOverLongNoteOnACharacterBoundary() {
        // "a" then two-byte characters: the limit falls inside one, which must not be split.
        let text = "a" + String(repeating: "é", count: AnnotationLimit.bytes / 2)
        let shown = AnnotationText.forReading(text)
        #expect(shown.cut)
        #expect(shown.text.utf8.count == AnnotationLimit.bytes - 1)
        #expect(shown.text.last == "é")
        let small = AnnotationText.forReading("short")
        #expect(!small.cut && small.text == "short")
    }

    @Test func thePreviewIsTheFirstNonBlankLineTrimmed() {
        #expect(AnnotationText.firstLine("\n  \n  hello there\nsecond") == "hello there")
        #expect(AnnotationText.firstLine(nil) == "")
        #expect(AnnotationText.firstLine(String(repeating: " ", count: 10_000) + "\nlate") == "",
                "only the start is looked at")
    }
}
