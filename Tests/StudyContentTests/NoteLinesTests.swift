import Testing
import StudyContent
import StudyCore

/// A topic's note is the lines kept under its heading, as written: blank lines (white space of
/// any script) trimmed from both ends, one blank line where a resource was taken out between
/// two pieces, every other line byte for byte.
@Suite struct NoteLinesTests {
    static func note(_ markdown: String) throws -> String {
        let loaded = try Loaded(["a.md": "# A\n\n" + markdown])
        return try #require(loaded.topic("A")).note
    }

    @Test func linesOfWhiteSpaceInAnyScriptAreTrimmedFromTheEnds() throws {
        #expect(try Self.note("\u{A0}\n\ntext\n\n\u{3000}\u{2003}\n") == "text")
        #expect(try Self.note("\u{A0}x\n\ntext\n\n\u{3000}y\n") == "\u{A0}x\n\ntext\n\n\u{3000}y")
    }

    @Test func aResourceTakenOutLeavesOneBlankLine() throws {
        let markdown = "caf\u{E9} \u{2615} one\nsecond line\n\n- [R](https://x.org/r)\n\npara two\n"
        #expect(try Self.note(markdown) == "caf\u{E9} \u{2615} one\nsecond line\n\npara two")
    }

    @Test func blankLinesInsideAPieceStayAsWritten() throws {
        let markdown = "```\na\n\n \t\nb \u{1F4A1}\n```\n\n> quoted\n>\n> more\n"
        #expect(try Self.note(markdown) == "```\na\n\n \t\nb \u{1F4A1}\n```\n\n> quoted\n>\n> more")
    }
}
