import Foundation
import StudyTestSupport
import Testing

/// The attribute sequences no longer select the ASCII character set on every change (see
/// `CharsetSwitch`), so the dashboard selects it itself where the screen may have been written
/// by another program: after a program left the line-drawing set on (`ESC ( 0`, letters drawn
/// as box pieces), Ctrl-L must bring back text that reads as text. The driver's screen ignores
/// character sets (as in UTF-8 mode), so the test reads the bytes: the repaint selects the
/// ASCII set before its text.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct CharsetTerminalTests {
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder()
    }

    @Test func ctrlLSelectsTheASCIISetBeforeItsText() throws {
        let result = try TUIProbe.run("charset-left-on", ["--db", scratch.url("progress.sqlite")], scratch: scratch)
        #expect(result.ok, "\(result.failure)")
        #expect(result.sane)
        let raw = result.raw
        // The first frame ends with the status row's hint; the repaint draws the title row again.
        let firstFrame = try #require(raw.range(of: Data("q quit".utf8)), "the first frame never showed")
        let repaint = try #require(raw.range(of: Data("overall".utf8), in: firstFrame.upperBound..<raw.endIndex),
                                   "Ctrl-L drew nothing")
        #expect(raw.range(of: Data("\u{1b}(B".utf8), in: firstFrame.upperBound..<repaint.lowerBound) != nil,
                "no ESC ( B between the first frame and the repaint's text")
    }
}
