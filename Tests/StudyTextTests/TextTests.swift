import Testing
@testable import StudyText

@Suite struct TerminalSafeTests {
    @Test func controlCharactersBecomeVisible() {
        let hostile = "a\u{1B}[2Jb\u{07}c\u{08}d\u{7F}e\u{9B}31mf\u{202E}g"
        let safe = TerminalSafe.escape(hostile)
        #expect(safe == "a␛[2Jb␇c␈d␡e<U+009B>31mf<U+202E>g")
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func newlinesAndTabsOnlyWhenAsked() {
        #expect(TerminalSafe.escape("a\nb\tc") == "a␊b␉c")
        #expect(TerminalSafe.escape("a\nb\tc", keepNewlines: true, keepTabs: true) == "a\nb\tc")
    }

    @Test func ordinaryTextIsUntouched() {
        let text = "Café — 日本語 😀 naïve"
        #expect(TerminalSafe.escape(text) == text)
    }
}

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("日本語", 6), ("😀", 2), ("e\u{301}", 1), ("한국어", 6), ("ｆｕｌｌ", 8), ("❤️", 2), ("", 0),
        ("👩‍💻", 2), ("a\u{200B}b", 2),
    ])
    func widths(_ text: String, _ columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }
}

@Suite struct TextWrapTests {
    @Test func wrapsAtSpacesByWidth() {
        #expect(TextWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func wideCharactersCountTwice() {
        #expect(TextWrap.wrap("日本語 日本語", width: 7) == ["日本語", "日本語"])
        #expect(TextWrap.wrap("日本語日本語", width: 7) == ["日本語", "日本語"])
    }

    @Test func longWordsAreCut() {
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func everyLineIsIndentedAndABlankLineStaysEmpty() {
        #expect(TextWrap.wrap("abcdefgh", width: 6, indent: "  ") == ["  abcd", "  efgh"])
        #expect(TextWrap.wrap("one\n  \ntwo three", width: 5, indent: "> ")
                == ["> one", "", "> two", "> thr", "> ee"])
        #expect(TextWrap.wrap("", width: 5, indent: "  ") == [""])
    }

    @Test func styledWrapKeepsStylesAndGluesPunctuation() {
        let spans = [StyledSpan("see "), StyledSpan("bold", .bold), StyledSpan(", then more words")]
        let lines = StyledWrap.wrap(spans, width: 10)
        #expect(lines.map(\.text) == ["see bold,", "then more", "words"])
        #expect(lines[0].spans.contains(StyledSpan("bold", .bold)))
        #expect(lines.allSatisfy { $0.width <= 10 })
    }

    @Test func styledWrapHangingIndent() {
        let lines = StyledWrap.wrap([StyledSpan("one two three four")], width: 9,
                                    firstPrefix: [StyledSpan("• ")], restPrefix: [StyledSpan("  ")])
        #expect(lines.map(\.text) == ["• one two", "  three", "  four"])
    }
}

@Suite struct PaddingTests {
    @Test func padsByDisplayColumnsNotCharacters() {
        #expect("日本".padded(toColumns: 6) == "日本  ")
        #expect("topic".padded(toColumns: 8) == "topic   ")
        #expect("12".rightAligned(toColumns: 4) == "  12")
        #expect("日本".rightAligned(toColumns: 5) == " 日本")
    }

    @Test func neverCuts() {
        #expect("resource".padded(toColumns: 3) == "resource")
        #expect("12345".rightAligned(toColumns: 2) == "12345")
    }
}

/// A space keeps the style of the text it stands in: a link's underline or a bold phrase has no
/// plain gaps, and the space between two differently styled phrases stays plain.
@Suite struct StyledWrapGapTests {
    @Test func aSpaceInsideAStyledPhraseKeepsItsStyle() {
        let spans = [StyledSpan("read the "), StyledSpan("course page", .link), StyledSpan(" and "),
                     StyledSpan("bold", .bold), StyledSpan(" "), StyledSpan("words", .bold)]
        let line = StyledWrap.wrap(spans, width: 80)[0]
        #expect(line.text == "read the course page and bold words")
        let spaces = line.spans.filter { $0.text == " " }.map(\.style)
        #expect(spaces == [[], [], .link, [], [], []], "only the space inside the link is a link")
    }

    @Test func aWrappedLinkStartsItsNextLineWithoutAStyledSpace() {
        let lines = StyledWrap.wrap([StyledSpan("aaaa bbbb cccc", .link)], width: 9)
        #expect(lines.map(\.text) == ["aaaa bbbb", "cccc"])
        #expect(lines[0].spans.map(\.style) == [.link, .link, .link])
        #expect(lines[1].spans.map(\.style) == [.link])
    }
}

/// Text is counted a scalar at a time where it can be (ASCII, Latin, punctuation, box drawing):
/// the same figure as measuring each grapheme cluster, which is what a terminal shows.
@Test(arguments: ["word", "", " ", "tab\there", "a\r\nb", "\u{7f}x", "[12]", "café", "日本", "e\u{301}", "👍🏽!",
                  "mixed é and ascii", "• item", "═══", "a\u{AD}b", "\u{85}", "‼\u{FE0F}", "—\u{301}"])
func scalarCountIsGraphemeCount(text: String) {
    #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
}

/// Every scalar below U+3000, alone, between letters and before a combining mark: no scalar
/// counted on its own may join its neighbours into one cluster or differ from its cluster's width.
@Test func everyPlainScalarIsItsOwnCluster() {
    var mismatches: [String] = []
    for value in UInt32(0)..<0x3000 {
        guard let scalar = Unicode.Scalar(value) else { continue }
        for text in [String(scalar), "a" + String(scalar) + "b", String(scalar) + "\u{301}", "\r" + String(scalar)]
        where mismatches.count < 20 && DisplayWidth.of(text) != text.reduce(0, { $0 + DisplayWidth.of($1) }) {
            mismatches.append(String(value, radix: 16))
        }
    }
    #expect(mismatches.isEmpty)
}
