import Foundation
import StudyTestSupport
import Testing

/// OSC 8 hyperlinks end to end: written over the links of the detail pane and the reader with
/// `hyperlinks = "on"`, never under `off` or, with `auto`, under tmux; and the screen the
/// terminal shows is the same with them as without.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct HyperlinkTerminalTests {
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder()
        try scratch.write("links/README.md", """
            # Links

            Read [the spec](https://semver.org/) first, then [the other note](./other.md).

            A [bad one](javascript:alert(1)) and [a file](file:///etc/hosts).

            """)
        try scratch.write("links/other.md", "# Other\n\nHere.\n")
    }

    func run(_ setting: String, environment: [String: String] = [:], run name: String,
             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (raw: String, screens: [String]) {
        try scratch.write("config.toml", "hyperlinks = \"\(setting)\"\n")
        // Each run its own store, state and snapshots: the runs compare.
        var env = ["STUDYDASH_CONFIG": scratch.url("config.toml"), "XDG_STATE_HOME": scratch.url("state-\(name)")]
        env.merge(environment) { $1 }
        for name in ["TERM_PROGRAM", "VTE_VERSION", "WT_SESSION", "KONSOLE_VERSION", "TMUX", "STY"] where env[name] == nil {
            env[name] = ""  // the machine's own terminal must not decide `auto`
        }
        let result = try TUIProbe.run("hyperlinks", ["--db", scratch.url("\(name).sqlite"), "--content", scratch.url("links")],
                                      environment: env, scratch: scratch)
        let ok = result.ok, failure = result.failure
        #expect(ok, "\(name): \(failure)", sourceLocation: sourceLocation)
        #expect(result.sane, sourceLocation: sourceLocation)
        let screens = try ["detail", "reader", "moved"].map { try String(contentsOfFile: scratch.url("\($0).txt"), encoding: .utf8) }
        return (String(decoding: result.raw, as: UTF8.self), screens)
    }

    @Test func onWritesWebAndFileLinksAndTheScreenStaysTheSame() throws {
        let on = try run("on", run: "on")
        #expect(on.raw.contains("\u{1b}]8;;https://semver.org/\u{1b}\\"))
        #expect(on.raw.contains("\u{1b}]8;;file:///etc/hosts\u{1b}\\"))
        #expect(!on.raw.contains("\u{1b}]8;;javascript"), "no other scheme")
        #expect(!on.raw.contains("\u{1b}]8;;./other.md"), "a link to a note is no URL")
        let off = try run("off", run: "off")
        #expect(!off.raw.contains("\u{1b}]8;"))
        #expect(on.screens == off.screens, "the hyperlinks change no cell")
    }

    @Test func autoStaysOffUnderTmuxAndOnInAKnownTerminal() throws {
        let tmux = try run("auto", environment: ["TERM_PROGRAM": "WezTerm", "TMUX": "/tmp/tmux-0/default,1,0"], run: "tmux")
        #expect(!tmux.raw.contains("\u{1b}]8;"))
        let wezterm = try run("auto", environment: ["TERM_PROGRAM": "WezTerm"], run: "wezterm")
        #expect(wezterm.raw.contains("\u{1b}]8;;https://semver.org/\u{1b}\\"))
    }
}
