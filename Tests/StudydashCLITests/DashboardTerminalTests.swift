import Foundation
import StudyTestSupport
import Testing

/// The dashboard end to end in a real pseudo-terminal (Tests/Driver/ptydrive): what a learner sees
/// and does, and that the terminal is left sane however the program ends.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct DashboardTerminalTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    func probe(_ script: String, content: String = "notes", size: String = "80x24", term: String = "xterm-256color",
               environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> ProbeResult {
        var arguments = ["--db", db]
        if !content.isEmpty { arguments += ["--content", content] }
        let result = try TUIProbe.run(script, arguments, size: size, term: term, environment: environment, scratch: scratch)
        let ok = result.ok, failure = result.failure
        #expect(ok, "\(script): \(failure)", sourceLocation: sourceLocation)
        return result
    }

    @Test func firstScreenShowsTheCurriculumsFirstArea() throws {
        let result = try probe("first-screen", content: "", size: "100x30")
        let code = result.exitCode, sane = result.sane
        #expect(code == 0)
        #expect(sane)
    }

    /// `studydash FILE`, as glow takes a file: the positional path is the content.
    @Test func aFileGivenAsTheArgumentOpensTheDashboardOnIt() throws {
        let result = try TUIProbe.run("single-file", ["--db", db, "book/en/README.md"], scratch: scratch)
        #expect(result.ok, "\(result.failure)")
        #expect(result.exitCode == 0)
    }

    @Test func navigateAndReadANote() throws {
        let result = try probe("navigate")
        #expect(result.exitCode == 0)
    }

    /// The whole-file reader end to end: headings, `J`, `t`, `]` and a mark on the line under
    /// the cursor, which reaches the store.
    @Test func readAWholeFileAndMarkWhatIsUnderTheCursorLine() throws {
        _ = try probe("whole-file")
        let shown = try CLI.run(["show", "git-cliff", "--json", "--content", "notes", "--db", db]).json()
        #expect(shown["status"] as? String == "learning", "l marked the resource under the cursor line")
        let other = try CLI.run(["show", "Semantic Versioning", "--json", "--content", "notes", "--db", db]).json()
        #expect(other["status"] as? String == "todo", "and nothing else")
    }

    /// `q` quits without freeing what the OS frees, but it closes the store first: a copy of
    /// the `.sqlite` file alone (no `-wal` beside it) holds every change made on screen.
    @Test func aCopyOfTheStoreFileAloneHoldsWhatTheDashboardChanged() throws {
        _ = try probe("mark")
        let copy = scratch.url("copy.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let original = try CLI.run(["status", "--json", "--content", "notes", "--db", db])
        let copied = try CLI.run(["status", "--json", "--content", "notes", "--db", copy])
        #expect(original.status == 0 && copied.status == 0, "\(original.err) \(copied.err)")
        #expect(original.out.contains("\"done\""), "the probe marked something: \(original.out)")
        #expect(copied.out == original.out)
    }

    @Test func markDoneUpdatesTheBarsAndTheStore() throws {
        _ = try probe("mark")
        let status = try CLI.run(["show", "Semantic Versioning", "--json", "--content", "notes", "--db", db]).json()
        #expect(status["status"] as? String == "done")
        let text = try CLI.run(["status", "--content", "notes", "--db", db]).out
        #expect(text.contains("2/6"), "status shows the change: \(text)")
    }

    /// `D` shows what was finished and what is next; `Enter` on a next-up row lands on it.
    @Test func dashboardViewEnterOnNextUpLandsOnThatResource() throws {
        #expect(try CLI.run(["mark", "git-cliff", "done", "--content", "notes", "--db", db]).status == 0)
        #expect(try CLI.run(["mark", "S3 Standard", "learning", "--content", "notes", "--db", db]).status == 0)
        let result = try probe("dashboard-view")
        #expect(result.exitCode == 0)
        let shown = try CLI.run(["show", "Write a changelog by hand once", "--json", "--content", "notes", "--db", db]).json()
        #expect(shown["status"] as? String == "done", "d after Enter marked the row's resource")
    }

    /// `/` filters the tree as each key is typed, the match drawn in the match's colours (black
    /// on yellow), `n` goes on and wraps, `Esc` goes back to where the cursor was.
    @Test func searchFiltersAsYouTypeAndEscGoesBack() throws {
        let result = try probe("search")
        #expect(result.exitCode == 0)
        let output = String(decoding: result.raw, as: UTF8.self)
        // A yellow background (SGR 43) set right before the matched word is drawn.
        let highlighted = output.range(of: "\u{1b}\\[[0-9;]*43m(\u{1b}\\[[0-9;]*m)*[Cc]hangelog", options: .regularExpression)
        #expect(highlighted != nil, "the matched text is highlighted")
    }

    /// Alt-d and keys the terminal description does not know, typed in the search line, do
    /// nothing: before, their Esc cleared the search and `d` marked the selection done.
    @Test func altKeysInTheSearchLineChangeNothing() throws {
        let before = try CLI.run(["status", "--json", "--content", "notes", "--db", db]).out
        _ = try probe("search-alt-keys")
        let after = try CLI.run(["status", "--json", "--content", "notes", "--db", db]).out
        #expect(after == before, "nothing was marked")
    }

    @Test func annotateInPlaceThenShowPrintsIt() throws {
        _ = try probe("annotate")
        let shown = try CLI.run(["show", "Semantic Versioning", "--content", "notes", "--db", db]).out
        #expect(shown.contains("Read the spec twice"))
        #expect(shown.contains("第二行 👍"))
    }

    @Test func eEditsTheAnnotationInTheEditor() throws {
        try scratch.write("editor.sh", "#!/bin/sh\nprintf 'Edited in the editor\\nsecond line\\n' > \"$1\"\n")
        chmod(scratch.url("editor.sh"), 0o755)
        _ = try probe("external-editor", environment: ["EDITOR": scratch.url("editor.sh"), "VISUAL": ""])
        let shown = try CLI.run(["show", "Semantic Versioning", "--content", "notes", "--db", db]).out
        #expect(shown.contains("Edited in the editor"))
        #expect(shown.contains("second line"))
    }

    @Test func oStartsTheBrowserWithTheURLAsOneArgument() throws {
        let log = scratch.url("browser.log")
        try scratch.write("browser.sh", "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '\(log)'\n")
        chmod(scratch.url("browser.sh"), 0o755)
        _ = try probe("open-link", environment: ["BROWSER": scratch.url("browser.sh")])
        let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "<not started>"
        #expect(logged == "1\nhttps://semver.org/\n")
    }

    /// Link 12 of a note reaches a test `$BROWSER`; a relative link to another note opens it in
    /// the reader and `Backspace` comes back to the first note, scrolled as it was.
    @Test func linkTwelveOpensInTheBrowserAndARelativeLinkIsFollowedAndBack() throws {
        let paragraphs = (1...12).map { "Paragraph \($0) with [link \($0)](https://example.com/page-\($0)).\n\n" }.joined()
        try scratch.write("links/README.md", "# Link notes\n\nTwo notes.\n")
        try scratch.write("links/01-many.md", "# Many links\n\n" + paragraphs + "Paragraph 13 with [the other note](./02-other.md).\n")
        try scratch.write("links/02-other.md", "# Other note\n\nThe other note has arrived.\n")
        let log = scratch.url("browser.log")
        try scratch.write("browser.sh", "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '\(log)'\n")
        chmod(scratch.url("browser.sh"), 0o755)
        _ = try probe("follow-links", content: scratch.url("links"), environment: ["BROWSER": scratch.url("browser.sh")])
        let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "<not started>"
        #expect(logged == "https://example.com/page-12\n", "only link 12 reached the browser")
    }

    /// The config file's `browser` with `terminal = true` (w3m, lynx) gets the terminal, as
    /// `$EDITOR` does, with the URL as one argument, and the dashboard comes back after it.
    @Test func aTerminalBrowserFromTheConfigSuspendsTheDashboard() throws {
        let log = scratch.url("browser.log")
        try scratch.write("browser.sh", """
            #!/bin/sh
            if [ -t 0 ] && [ -t 1 ]; then on=tty; else on=notty; fi
            printf '%s\\n' "$#" "$@" "$on" > '\(log)'
            echo "TEXT BROWSER ON $2"
            read -r line

            """)
        chmod(scratch.url("browser.sh"), 0o755)
        try scratch.write("config.toml", "[browser]\ncommand = \"'\(scratch.url("browser.sh"))' --from-config {url}\"\nterminal = true\n")
        _ = try probe("terminal-browser", environment: ["STUDYDASH_CONFIG": scratch.url("config.toml")])
        let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "<not started>"
        #expect(logged == "2\n--from-config\nhttps://semver.org/\ntty\n")
    }

    @Test func confirmBulkFromTheConfigSetsWhenAMarkAsksFirst() throws {
        try scratch.write("config.toml", "confirm_bulk = 1\n")
        let before = try CLI.run(["status", "--json", "--content", "notes", "--db", db]).out
        _ = try probe("confirm-bulk", environment: ["STUDYDASH_CONFIG": scratch.url("config.toml")])
        let after = try CLI.run(["status", "--json", "--content", "notes", "--db", db]).out
        #expect(after == before, "nothing was marked")
    }

    @Test func missingOpenerIsAMessageNotACrash() throws {
        let result = try probe("open-link-missing", environment: ["BROWSER": "/nonexistent/browser", "PATH": "/nonexistent"])
        #expect(result.exitCode == 0)
    }

    @Test func resizeDownToOneByOneAndBack() throws {
        let result = try probe("resize", size: "100x30")
        #expect(result.exitCode == 0)
        #expect(result.sane)
    }

    @Test(arguments: [("signal-term", 143), ("signal-int", 130), ("signal-hup", 129)])
    func signalsLeaveTheTerminalSane(script: String, code: Int) throws {
        let result = try probe(script)
        #expect(result.exitCode == code)
        #expect(result.sane)
    }

    @Test func aCrashRestoresTheTerminal() throws {
        let result = try probe("crash", environment: ["STUDYDASH_DEBUG_CRASH_KEY": "!"])
        let exit = result.report["exit"] as? [String: Any]
        let signal = exit?["signal"] as? String
        #expect(signal == "SIGILL" || signal == "SIGTRAP", "died of a trap, not \(String(describing: exit))")
        #expect(result.sane)
        #expect(result.stderr.contains("Fatal error") || result.screen.contains("Fatal error"),
                "the trap's message is shown after the terminal is restored")
    }

    @Test func noColorMeansNoColourSequences() throws {
        let plain = try probe("no-color", environment: ["NO_COLOR": "1"])
        let colour = try probe("no-color")
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
        let result = try probe("refused", term: term)
        #expect(!result.raw.contains("\u{1b}"), "nothing was drawn")
        #expect(result.screen.contains("studydash status"))
    }

    @Test func hostileNotesNeverReachTheTerminalAsControls() throws {
        let hostile = "\u{1b}]0;pwned\u{07}\u{1b}]52;c;cHduZWQ=\u{07}\u{1b}[?1049l\u{9b}2J\u{08}"
        try scratch.write("evil/README.md", "# Evil \(hostile) notes\n\nIntro \(hostile).\n")
        try scratch.write("evil/topic.md", """
            # Evil \(hostile) topic

            Prose \(hostile) and [a link \(hostile)](https://example.com/x).

            - [Res \(hostile)](https://example.com/evil) — desc \(hostile)
            """)
        let result = try probe("hostile", content: scratch.url("evil"))
        for sequence in ["\u{1b}]0;pwned", "\u{1b}]52;c;cHduZWQ", "\u{07}"] {
            #expect(!result.raw.contains(sequence), "a raw control from the notes reached the terminal")
        }
        for snap in ["hostile-browser", "hostile-reader"] {
            let screen = (try? String(contentsOfFile: scratch.url(snap + ".txt"), encoding: .utf8)) ?? ""
            #expect(screen.contains("␛]0;pwned␇"), "\(snap) shows the escape visibly:\n\(screen)")
        }
    }

    /// The driver itself: keys reach the program as a terminal sends them, any signal can be
    /// sent, and a program that leaves the terminal broken fails `expect-sane` (the check can fail).
    /// The screen the terminal tests read scrolls as xterm does (CSI S / CSI T in a region).
    @Test func theDriversScreenScrollsARegion() throws {
        let program = """
            import sys, time
            out = sys.stdout
            out.write("\\x1b[2J\\x1b[Hline1\\r\\nline2\\r\\nline3\\r\\nline4\\r\\nline5")
            out.write("\\x1b[1;2r\\x1b[S")  # rows 1-2 up one: line2 on top, a blank under it
            out.write("\\x1b[4;5r\\x1b[T")  # rows 4-5 down one: a blank, then line4
            out.write("\\x1b[r\\x1b[6;1Hdone"); out.flush()
            time.sleep(30)
            """
        let result = try TUIProbe.run("driver-scroll", ["python3", "-c", program], scratch: scratch, program: "/usr/bin/env")
        #expect(result.ok, "\(result.failure)")
    }

    @Test func theDriverCatchesATerminalLeftBroken() throws {
        let program = """
            import os, sys, tty
            sys.stdout.write("\\x1b[?1049h\\x1b[?25lready"); sys.stdout.flush()
            tty.setraw(0)
            seen = b""
            while True:
                seen += os.read(0, 100)
                os.write(1, b"\\x1b[Hkeys: " + seen.hex().encode())
            """
        let result = try TUIProbe.run("driver-self-check", ["python3", "-c", program], scratch: scratch, program: "/usr/bin/env")
        #expect(!result.ok)
        #expect(result.failure.hasPrefix("expect-sane"), "\(result.failure)")
        let exit = result.report["exit"] as? [String: Any]
        #expect(exit?["signal"] as? String == "SIGUSR1" && exit?["killed_by_driver"] as? Bool == false)
        // x, Shift-Tab (ESC [ Z), F5 (ESC [ 1 5 ~), Ctrl-a, Up twice (ESC [ A)
        let keys: String = ["78", "1b5b5a", "1b5b31357e", "01", "1b5b41", "1b5b41"].joined()
        #expect(result.screen.contains("keys: " + keys))
        let problems = (result.report["terminal"] as? [String: Any])?["problems"] as? [String] ?? []
        #expect(problems.count == 3, "alternate screen, hidden cursor, tty modes: \(problems)")
    }
}

/// Without a terminal there is no dashboard: this needs no pseudo-terminal, so it runs everywhere.
@Suite struct DashboardWithoutATerminalTests {
    @Test func notATerminalIsRefusedInOneLine() throws {
        let scratch = try TemporaryFolder()
        let result = try CLI.run(["--content", "notes", "--db", scratch.url("progress.sqlite")])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1, "\(result.err)")
        #expect(result.err.contains("terminal") && result.err.contains("studydash tree"))
    }
}
