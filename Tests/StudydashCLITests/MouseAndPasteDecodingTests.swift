@testable import StudyTerminal
import TermGrid
import Testing

/// The terminal layer's reading of xterm's SGR 1006 mouse reports, its double-click count, and
/// what it keeps of a bracketed paste.
@Suite struct MouseAndPasteDecodingTests {
    @Test func pressesReleasesAndTheWheelAreDecodedWithZeroBasedCells() {
        #expect(MouseReport.decode("0;10;5M") == MouseEvent(.left, .press, x: 9, y: 4))
        #expect(MouseReport.decode("0;10;5m") == MouseEvent(.left, .release, x: 9, y: 4))
        #expect(MouseReport.decode("2;1;1M") == MouseEvent(.right, x: 0, y: 0))
        #expect(MouseReport.decode("64;300;2M") == MouseEvent(.wheelUp, x: 299, y: 1), "past xterm's old 223-column limit")
        #expect(MouseReport.decode("65;3;4M") == MouseEvent(.wheelDown, x: 2, y: 3))
        #expect(MouseReport.decode("20;3;4M") == MouseEvent(.left, x: 2, y: 3, modifiers: [.shift, .control]))
        #expect(MouseReport.decode("8;3;4M")?.modifiers == [.alt])
    }

    @Test func malformedOrUnaskedReportsAreNothing() {
        for body in ["", "0;10;5", "0;10M", "0;0;5M", "a;1;1M", "0;1;1;1M", "32;1;1M", "66;1;1M", "0;-1;1M", "0;999999;1M", "0;;1M"] {
            #expect(MouseReport.decode(body) == nil, "\(body)")
        }
    }

    @Test func aSecondPressOnTheSameCellSoonIsADoubleClick() {
        var counter = MouseReport.ClickCounter()
        let press = MouseEvent(.left, x: 4, y: 2)
        #expect(counter.count(press, atMilliseconds: 1000).clicks == 1)
        #expect(counter.count(press, atMilliseconds: 1300).clicks == 2)
        #expect(counter.count(press, atMilliseconds: 1400).clicks == 1, "a third press starts again")
        #expect(counter.count(press, atMilliseconds: 2000).clicks == 1, "too late")
        #expect(counter.count(MouseEvent(.left, x: 5, y: 2), atMilliseconds: 2100).clicks == 1, "another cell")
        #expect(counter.count(MouseEvent(.left, .release, x: 5, y: 2), atMilliseconds: 2150).clicks == 1)
    }

    @Test func aPasteKeepsTextAndLineEndsAndDropsControls() {
        func values(_ text: String) -> [Int32] { text.unicodeScalars.map { Int32($0.value) } }
        #expect(PasteText.clean(values("one\r\ntwo\rthree\nfour")) == "one\ntwo\nthree\nfour")
        #expect(PasteText.clean(values("a\tb\u{7}c\u{1b}[31md\u{7f}e\u{9b}f")) == "a bc[31mdef")
        #expect(PasteText.clean(values("x\u{202e}y\u{2066}z")) == "xyz", "no bidi override reorders the screen")
        #expect(PasteText.clean(values("日本語 👍🏽")) == "日本語 👍🏽")
    }

    @Test func theCrashResetTurnsTheMouseAndPasteOff() {
        #expect(TerminalScreen.crashReset.contains("\u{1b}[?1000l"))
        #expect(TerminalScreen.crashReset.contains("\u{1b}[?1006l"))
        #expect(TerminalScreen.crashReset.contains("\u{1b}[?2004l"))
    }

    @Test func onlyASafeWebOrFileURLGoesIntoAHyperlink() {
        #expect(Hyperlink.safe("https://semver.org/") == "https://semver.org/")
        #expect(Hyperlink.safe("HTTP://example.com/a?b=c#d") != nil)
        #expect(Hyperlink.safe("file:///home/me/notes.pdf") != nil)
        for url in ["javascript:alert(1)", "mailto:me@example.com", "ftp://example.com", "https://", "./other.md",
                    "https://example.com/\u{1b}]8;;evil", "https://example.com/\u{7}", "https://exa mple.com",
                    "https://example.com/é", "https://example.com/" + String(repeating: "a", count: 2100)] {
            #expect(Hyperlink.safe(url) == nil, "\(url.prefix(40))")
        }
    }
}
