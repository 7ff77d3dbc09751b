import Foundation
import StudyTerminal
import StudyTestSupport
import Testing

/// The config's `[keys]` and `[theme]` in the real program: `config --check` names the first
/// mistake with its place (exit 2), a rebound key works in the dashboard and its help, and the
/// theme's colours reach the terminal unless NO_COLOR says otherwise (and `--color=always` wins).
@Suite(.serialized) struct KeysAndThemeTests {
    let scratch: TemporaryFolder
    init() throws { scratch = try TemporaryFolder() }

    func config(_ text: String) throws -> String {
        let path = scratch.url("config-\(UUID().uuidString).toml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func configCheckNamesABadKeyOrColourWithItsPlace() throws {
        let keys = try config("[keys.browser]\nmark_done = \"x\"\nmark_dun = \"d\"\n")
        let bad = try CLI.run(["config", "--check", "--config", keys])
        #expect(bad.status == 2)
        #expect(bad.err == "studydash: \(keys):3:1: unknown action 'mark_dun' in [keys.browser]\n", "\(bad.err)")
        let twice = try config("[keys.browser]\nundo = \"d\"\n")
        #expect(try CLI.run(["config", "--check", "--config", twice]).err
                == "studydash: \(twice):2:1: key 'd' is bound to both mark_done and undo in [keys.browser]\n")
        let colour = try config("[theme]\nname = \"light\"\ndone = \"#00ff00\"\nlink = \"bleu\"\n")
        let result = try CLI.run(["config", "--check", "--config", colour])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("studydash: \(colour):4:1: cannot read colour 'bleu' for link in [theme]"), "\(result.err)")
        let good = try config("[keys.browser]\nmark_done = \"x\"\nundo = [\"U\", \"Ctrl-w\"]\n[theme]\nname = \"mono\"\n")
        #expect(try CLI.run(["config", "--check", "--config", good]).status == 0)
    }

    /// The dashboard never starts with half a config: a bad key stops it before the terminal.
    /// `studydash dashboard --help` ends with the keys in effect: the rebound one with the
    /// config named on the same line, the default without it.
    @Test func theDashboardsHelpListsTheKeysInEffect() throws {
        let file = try config("[keys.browser]\nmark_done = \"x\"\n")
        let rebound = try CLI.run(["dashboard", "--help", "--config", file])
        #expect(rebound.status == 0, "\(rebound.err)")
        #expect(rebound.out.contains("x l s r           mark done / learning / skipped / todo"), "\(rebound.out)")
        let standard = try CLI.run(["help", "dashboard"])
        #expect(standard.out.contains("d l s r           mark done / learning / skipped / todo"), "\(standard.out)")
    }

    @Test func theDashboardStopsOnABadKeyBeforeTheTerminal() throws {
        let file = try config("[theme]\nname = \"mono\"\n\n[keys.reader]\nnext_section = \"Ctrl-N\"\nback = \"Ctrl-\"\n")
        let result = try CLI.run(["--config", file, "--content", "notes", "--db", scratch.url("p.sqlite")])
        #expect(result.status == 2)
        #expect(result.err == "studydash: \(file):6:1: cannot read key 'Ctrl-' for back in [keys.reader]\n", "\(result.err)")
    }

    @Test func noColorWinsUnlessColorIsAlways() {
        #expect(ColorChoice.auto.useColor(environment: [:]))
        #expect(ColorChoice.auto.useColor(environment: ["NO_COLOR": ""]))
        #expect(!ColorChoice.auto.useColor(environment: ["NO_COLOR": "1"]))
        #expect(ColorChoice.always.useColor(environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.never.useColor(environment: [:]))
    }

    // MARK: In a terminal

    @Test(.enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
    func aReboundKeyWorksAndTheHelpAndHintsShowIt() throws {
        let file = try config("[keys.browser]\nmark_done = \"x\"\nhelp = \"F2\"\n")
        let result = try TUIProbe.run("rebound-keys", ["--db", scratch.url("p.sqlite"), "--content", "notes"],
                                      environment: ["STUDYDASH_CONFIG": file], scratch: scratch)
        #expect(result.ok, "\(result.failure)")
    }

    /// The title is drawn in the heading role: its colour, 208 in 256 colours, is on the wire
    /// unless NO_COLOR is set; `--color=always` brings it back; a 24-bit colour is sent as the
    /// nearest 256 one where the terminfo has no direct colour, whatever COLORTERM says.
    @Test(.enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
    func theThemesColourReachesTheTerminalUnlessNoColor() throws {
        let orange = "\u{1B}[38;5;208m"
        func run(_ heading: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> Data {
            let file = try config("[theme]\nheading = \"\(heading)\"\n")
            let result = try TUIProbe.run("open-and-quit", ["--db", scratch.url("p.sqlite"), "--content", "notes"] + extra,
                                          environment: environment.merging(["STUDYDASH_CONFIG": file]) { $1 }, scratch: scratch)
            #expect(result.ok, "\(result.failure)")
            return result.raw
        }
        #expect(try run("208").contains(orange))
        #expect(try !run("208", environment: ["NO_COLOR": "1"]).contains(orange))
        #expect(try run("208", ["--color=always"], environment: ["NO_COLOR": "1"]).contains(orange))
        #expect(try run("#ff8800", environment: ["COLORTERM": "truecolor"]).contains(orange))
    }

    /// `selection`, `muted` and `bar` reach the terminal when the theme names them: the cursor
    /// row in the selection's colours, the title's counts and the bars' fill in theirs.
    @Test(.enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
    func selectionMutedAndBarColoursReachTheTerminal() throws {
        let file = try config("[theme]\nselection = \"196 on 51\"\nmuted = \"201\"\nbar = \"202\"\n")
        let result = try TUIProbe.run("open-and-quit", ["--db", scratch.url("p.sqlite"), "--content", "notes"],
                                      environment: ["STUDYDASH_CONFIG": file], scratch: scratch)
        #expect(result.ok, "\(result.failure)")
        for colour in ["38;5;196m", "48;5;51m", "38;5;201m", "38;5;202m"] {
            #expect(result.raw.contains(Data(colour.utf8)), "\(colour)")
        }
    }
}
