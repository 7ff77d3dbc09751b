import Foundation
import StudyTestSupport
import Testing

/// The mouse and bracketed paste end to end in a pseudo-terminal: the real program asks for the
/// reports only when the config says `mouse = true`, turns them off again on the way out, and
/// acts on what the driver sends as xterm (and, without `ESC [ <` in terminfo, screen) sends it.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct MouseTerminalTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    func probe(_ script: String, mouse: Bool?, term: String = "xterm-256color",
               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ProbeResult {
        try scratch.write("config.toml", mouse.map { "mouse = \($0)\n" } ?? "")
        let result = try TUIProbe.run(script, ["--db", db, "--content", "notes"], term: term,
                                      environment: ["STUDYDASH_CONFIG": scratch.url("config.toml")], scratch: scratch)
        let ok = result.ok, failure = result.failure
        #expect(ok, "\(script) (TERM=\(term)): \(failure)", sourceLocation: sourceLocation)
        #expect(result.sane, sourceLocation: sourceLocation)
        return result
    }

    @Test(arguments: ["xterm-256color", "screen"])
    func clicksSelectOpenAndTheReportsAreTurnedOffOnTheWayOut(term: String) throws {
        let result = try probe("mouse-click", mouse: true, term: term)
        let text = String(decoding: result.raw, as: UTF8.self)
        let on = try #require(text.range(of: "\u{1b}[?1000h\u{1b}[?1006h"), "mouse reporting was asked for")
        let off = try #require(text.range(of: "\u{1b}[?1006l\u{1b}[?1000l", options: .backwards), "and turned off")
        #expect(on.upperBound < off.lowerBound)
    }

    @Test func withTheMouseOffNothingAsksForReportsAndAReportDoesNothing() throws {
        let result = try probe("mouse-off", mouse: nil)
        #expect(!result.raw.contains("\u{1b}[?1000h"))
        #expect(result.raw.contains("\u{1b}[?2004h"), "bracketed paste is on either way")
    }

    @Test func aPasteIsOneInsertAndNoKeys() throws {
        _ = try probe("paste", mouse: nil)
        let shown = try CLI.run(["show", "Semantic Versioning", "--content", "notes", "--db", db]).out
        #expect(shown.contains("Pasted q line"))
        #expect(shown.contains("second line"))
    }
}
