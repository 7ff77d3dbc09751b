import Foundation
import StudyTestSupport
import Testing

/// The dashboard end to end in a real pseudo-terminal (tuiprobe): what a learner sees and does,
/// and that the terminal is left sane however the program ends.
@Suite(.serialized) struct DashboardTerminalTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    func probe(_ script: String, content: String = "notes", size: String = "80x24", term: String = "xterm-256color",
               environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> ProbeResult? {
        guard TUIProbe.available else {
            print("⚠︎ skipping \(script): \(TUIProbe.tool) is missing (it comes with ../shared)")
            return nil
        }
        var arguments = ["--db", db]
        if !content.isEmpty { arguments += ["--content", content] }
        let result = try TUIProbe.run(script, arguments, size: size, term: term, environment: environment, scratch: scratch)
        let ok = result.ok, failure = result.failure
        #expect(ok, "\(script): \(failure)", sourceLocation: sourceLocation)
        return result
    }

    @Test func firstScreenShowsTheCurriculumsFirstArea() throws {
        guard let result = try probe("first-screen", content: "", size: "100x30") else { return }
        let code = result.exitCode, sane = result.sane
        #expect(code == 0)
        #expect(sane)
    }

    @Test func navigateAndReadANote() throws {
        guard let result = try probe("navigate") else { return }
        #expect(result.exitCode == 0)
    }

    @Test func markDoneUpdatesTheBarsAndTheStore() throws {
        guard try probe("mark") != nil else { return }
        let status = try CLI.run(["show", "Semantic Versioning", "--json", "--content", "notes", "--db", db]).json()
        #expect(status["status"] as? String == "done")
        let text = try CLI.run(["status", "--content", "notes", "--db", db]).out
        #expect(text.contains("2/6"), "status shows the change: \(text)")
    }

    @Test func annotateInPlaceThenShowPrintsIt() throws {
        guard try probe("annotate") != nil else { return }
        let shown = try CLI.run(["show", "Semantic Versioning", "--content", "notes", "--db", db]).out
        #expect(shown.contains("Read the spec twice"))
        #expect(shown.contains("第二行 👍"))
    }

    @Test func eEditsTheAnnotationInTheEditor() throws {
        try scratch.write("editor.sh", "#!/bin/sh\nprintf 'Edited in the editor\\nsecond line\\n' > \"$1\"\n")
        chmod(scratch.url("editor.sh"), 0o755)
        guard try probe("external-editor", environment: ["EDITOR": scratch.url("editor.sh"), "VISUAL": ""]) != nil else { return }
        let shown = try CLI.run(["show", "Semantic Versioning", "--content", "notes", "--db", db]).out
        #expect(shown.contains("Edited in the editor"))
        #expect(shown.contains("second line"))
    }

    @Test func oStartsTheBrowserWithTheURLAsOneArgument() throws {
        let log = scratch.url("browser.log")
        try scratch.write("browser.sh", "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '\(log)'\n")
        chmod(scratch.url("browser.sh"), 0o755)
        guard try probe("open-link", environment: ["BROWSER": scratch.url("browser.sh")]) != nil else { return }
        let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "<not started>"
        #expect(logged == "1\nhttps://semver.org/\n")
    }

    @Test func missingOpenerIsAMessageNotACrash() throws {
        guard let result = try probe("open-link-missing", environment: ["BROWSER": "/nonexistent/browser", "PATH": "/nonexistent"]) else { return }
        #expect(result.exitCode == 0)
    }

    @Test func resizeDownToOneByOneAndBack() throws {
        guard let result = try probe("resize", size: "100x30") else { return }
        #expect(result.exitCode == 0)
    }

    @Test(arguments: [("signal-term", 143), ("signal-int", 130), ("signal-hup", 129)])
    func signalsLeaveTheTerminalSane(script: String, code: Int) throws {
        guard let result = try probe(script) else { return }
        #expect(result.exitCode == code)
        #expect(result.sane)
    }

    @Test func aCrashRestoresTheTerminal() throws {
        guard let result = try probe("crash", environment: ["STUDYDASH_DEBUG_CRASH_KEY": "!", "XDG_STATE_HOME": scratch.url("state")]) else { return }
        let exit = result.report["exit"] as? [String: Any]
        let signal = exit?["signal"] as? String
        #expect(signal == "SIGILL" || signal == "SIGTRAP", "died of a trap, not \(String(describing: exit))")
        #expect(result.sane)
        #expect(result.stderr.contains("Fatal error") || result.screen.contains("Fatal error"),
                "the trap's message is shown after the terminal is restored")
    }

    @Test func noColorMeansNoColourSequences() throws {
        guard let plain = try probe("no-color", environment: ["NO_COLOR": "1"]) else { return }
        let colour = try #require(try probe("no-color"))
        /// True when an SGR sequence (ESC [ … m) sets a foreground or background colour.
        func coloured(_ data: Data) -> Bool {
            let text = String(decoding: data, as: UTF8.self)
            let ranges: [ClosedRange<Int>] = [30...38, 40...48, 90...97, 100...107]
            guard let sgr = try? NSRegularExpression(pattern: "\u{1b}\\[([0-9;]*)m") else { return false }
            let all = NSRange(text.startIndex..., in: text)
            for match in sgr.matches(in: text, range: all) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let parameters = text[range].split(separator: ";").compactMap { Int($0) }
                if parameters.contains(where: { p in ranges.contains { $0.contains(p) } }) { return true }
            }
            return false
        }
        #expect(!coloured(plain.raw), "NO_COLOR output has colour sequences")
        #expect(coloured(colour.raw), "without NO_COLOR the dashboard uses colour (the check can fail)")
        #expect(plain.screen == colour.screen, "the same text either way")
    }

    @Test(arguments: ["dumb", "unknown-terminal-xyz"])
    func terminalThatCannotAddressTheCursorIsRefused(term: String) throws {
        guard let result = try probe("refused", term: term) else { return }
        #expect(!result.raw.contains("\u{1b}"), "nothing was drawn")
        #expect(result.screen.contains("studydash status"))
    }

    @Test func notATerminalIsRefusedInOneLine() throws {
        let result = try CLI.run(["--content", "notes", "--db", db])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1, "\(result.err)")
        #expect(result.err.contains("terminal") && result.err.contains("studydash tree"))
    }

    @Test func hostileNotesNeverReachTheTerminalAsControls() throws {
        let hostile = "\u{1b}]0;pwned\u{07}\u{1b}]52;c;cHduZWQ=\u{07}\u{1b}[?1049l\u{9b}2J\u{08}"
        try scratch.write("evil/README.md", "# Evil \(hostile) notes\n\nIntro \(hostile).\n")
        try scratch.write("evil/topic.md", """
            # Evil \(hostile) topic

            Prose \(hostile) and [a link \(hostile)](https://example.com/x).

            - [Res \(hostile)](https://example.com/evil) — desc \(hostile)
            """)
        guard let result = try probe("hostile", content: scratch.url("evil")) else { return }
        for sequence in ["\u{1b}]0;pwned", "\u{1b}]52;c;cHduZWQ", "\u{07}"] {
            #expect(!result.raw.contains(sequence), "a raw control from the notes reached the terminal")
        }
        for snap in ["hostile-browser", "hostile-reader"] {
            let screen = (try? String(contentsOfFile: scratch.url(snap + ".txt"), encoding: .utf8)) ?? ""
            #expect(screen.contains("␛]0;pwned␇"), "\(snap) shows the escape visibly:\n\(screen)")
        }
    }
}
