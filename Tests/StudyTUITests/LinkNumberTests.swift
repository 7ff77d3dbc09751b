import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// Link numbers past 9 (digits then `Enter` or `o`, or `:` and a number) and links to other
/// notes followed in the reader, with `Backspace` back through the reading history.
@Suite struct LinkNumberTests {
    /// A note with 13 links, one paragraph each so that the reader scrolls: 12 web links, then
    /// a relative link to a heading of the other note, which links back with a wikilink.
    static let files: [String: String] = [
        "Course/README.md": "# Course\n\nTwo notes.\n",
        "Course/01-many.md": "# Many links\n\n"
            + (1...12).map { "Paragraph \($0) with [link \($0)](https://example.com/\($0)).\n\n" }.joined()
            + "Then [the other note](./02-other.md#part-two).\n",
        "Course/02-other.md": "# Other\n\nFirst.\n\n## Part two\n\nBack to [[01-many|the first note]] or [[Missing]].\n",
    ]

    let fixture: Fixture
    init() throws { fixture = try Fixture(files: Self.files) }

    func on(_ title: String, height: Int = 24) throws -> AppState {
        var state = fixture.state(height: height)
        state.reveal(try #require(state.index.nodes.firstIndex { $0.topic.title == title }))
        return state
    }

    func status(_ state: AppState) -> String { state.screen.split(separator: "\n").last.map(String.init) ?? "" }

    @Test func digitsThenEnterOpenLinkTwelveAndTheStatusRowShowsThem() throws {
        var state = try on("Many links")
        #expect(state.press(.char("1")).isEmpty, "1 waits: it may begin 12")
        #expect(status(state).contains("link 1_"))
        #expect(state.press(.char("2")).isEmpty)
        #expect(status(state).contains("link 12_"))
        #expect(state.press(.enter) == [.openLink("https://example.com/12")])
        #expect(state.linkEntry == nil)
        #expect(state.overlay == nil, "Enter opened the link, not the reader")
        #expect(state.press(.char("1"), .enter) == [.openLink("https://example.com/1")])
    }

    @Test func digitsThenOOpenTheLinkInTheReaderToo() throws {
        var state = try on("Many links")
        state.press(.enter)
        #expect(state.press(.char("1"), .char("1"), .char("o")) == [.openLink("https://example.com/11")])
        #expect(state.reader?.subject == .topic(try #require(state.selectedNode)), "still reading the same note")
    }

    @Test func colonANumberAndEnterOpenThatLink() throws {
        var state = try on("Many links")
        state.press(.enter, .char(":"), .char("1"), .char("2"))
        #expect(status(state).hasPrefix(":12"))
        #expect(Dashboard.render(state).cursor?.y == 23, "the cursor is in the status row")
        #expect(state.press(.enter) == [.openLink("https://example.com/12")])
        // In the browser, and in a note with fewer than 10 links.
        var other = try on("Part two")
        #expect(other.press(.char(":"), .char("2"), .enter).isEmpty)
        #expect(other.message?.text == "not following '[[Missing]]': no note named 'Missing' in the notes folders")
    }

    @Test func escOrAnotherKeyCancelsAndNothingElseHappens() throws {
        var state = try on("Many links")
        state.press(.char("1"), .escape)
        #expect(state.linkEntry == nil)
        #expect(!status(state).contains("link 1"))
        let before = state.treeCursor
        #expect(state.press(.char("1"), .char("j")).isEmpty)
        #expect(state.linkEntry == nil && state.treeCursor == before, "j cancelled the number and did not move")
        #expect(state.press(.char(":"), .char("4"), .escape).isEmpty)
        #expect(state.linkEntry == nil)
        state.press(.char("1"), .char("2"), .backspace, .enter)
        #expect(state.linkEntry == nil, "Backspace took the 2 back; Enter opened link 1")
    }

    @Test func aNumberBeyondTheLinksSaysTheRange() throws {
        var state = try on("Many links")
        #expect(state.press(.char("2"), .char("0"), .enter).isEmpty)
        #expect(state.message?.text == "this note has links 1–13 only")
        #expect(state.press(.char(":"), .char("0"), .enter).isEmpty)
        #expect(state.message?.text == "this note has links 1–13 only")
        state.press(.char(":"))
        for _ in 0..<20 { state.press(.char("9")) }
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.text == "this note has links 1–13 only", "a number too long for Int is still a number")
        state.press(.char(":"), .char("x"), .enter)
        #expect(state.message?.text == "type a link number after ':'")
    }

    @Test func followingARelativeLinkReadsThatHeadingAndBackspaceComesBackToTheSameScroll() throws {
        var state = try on("Many links")
        let many = try #require(state.selectedNode)
        state.press(.enter, .char("j"), .char("j"), .char("j"))
        #expect(state.reader?.cursor == 3)
        #expect(state.press(.char("1"), .char("3"), .enter).isEmpty, "a note link opens no browser")
        let partTwo = try #require(state.index.nodes.firstIndex { $0.topic.title == "Part two" })
        let other = try #require(state.index.nodes.firstIndex { $0.topic.title == "Other" })
        let reading = try #require(state.reader)
        #expect(reading.subject == .topic(other), "the whole file the heading is in")
        #expect(reading.cursor == ReaderView.document(reading, state: state).line(ofSection: partTwo), "at that heading")
        #expect(state.screen.contains("the first note[1]"))
        // Its wikilink leads back to the first note: a second step in the history.
        state.press(.char("1"))
        #expect(state.reader?.subject == .topic(many))
        #expect(state.reader?.history.count == 2)
        state.press(.backspace)
        #expect(state.reader?.subject == .topic(other))
        state.press(.char("h"))
        #expect(state.reader?.subject == .topic(many))
        #expect(state.reader?.cursor == 3, "back where its cursor line was")
        state.press(.backspace)
        #expect(state.overlay == nil, "with no history left, Backspace goes back to the browser")
    }

    @Test func qClosesTheReaderWhateverTheHistory() throws {
        var state = try on("Many links")
        state.press(.enter, .char(":"), .char("1"), .char("3"), .enter)
        #expect(state.reader?.history.count == 1)
        state.press(.char("q"))
        #expect(state.overlay == nil)
    }
}
