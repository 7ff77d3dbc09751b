import Foundation
import StudyTestSupport
import Testing

/// Hostile input at the terminal layer, end to end in a pseudo-terminal: mouse reports cut
/// across reads, and hyperlinks rewritten over cells that now hold wide characters.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct HostileTerminalTests {
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder()
        try scratch.write("links/README.md", """
            # Links

            x [the spec](https://semver.org/) then [other](./other.md).

            x [the spec](https://semver.org/) then.

            """)
        try scratch.write("links/other.md", """
            # Other

            x中文中文中文中文中文中文中文中文中文 end.

            y中文中文中文中文中文中文中文中文中文 end.

            Here.

            """)
    }

    func run(_ script: String, config: String, run name: String, responseMilliseconds: Int? = nil,
             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ProbeResult {
        try scratch.write("config-\(name).toml", config)
        var env = ["STUDYDASH_CONFIG": scratch.url("config-\(name).toml"), "XDG_STATE_HOME": scratch.url("state-\(name)")]
        for variable in ["TERM_PROGRAM", "VTE_VERSION", "WT_SESSION", "KONSOLE_VERSION", "TMUX", "STY"] { env[variable] = "" }
        let result = try TUIProbe.run(script, ["--db", scratch.url("\(name).sqlite"), "--content", scratch.url("links")],
                                      environment: env, scratch: scratch,
                                      responseMilliseconds: responseMilliseconds)
        let ok = result.ok, failure = result.failure
        #expect(ok, "\(name): \(failure)", sourceLocation: sourceLocation)
        #expect(result.sane, sourceLocation: sourceLocation)
        return result
    }

    @Test func aMouseReportSplitAcrossReadsTypesNoKeys() throws {
        _ = try run("hostile-split-mouse", config: "mouse = true\n", run: "split", responseMilliseconds: 10)
    }

    @Test func hyperlinksOverCellsThatNowHoldWideCharactersChangeNoCell() throws {
        var screens: [String: [String]] = [:]
        for setting in ["on", "off"] {
            let result = try run("hostile-wide-links", config: "hyperlinks = \"\(setting)\"\n", run: "wide-\(setting)")
            if setting == "on" { #expect(String(decoding: result.raw, as: UTF8.self).contains("\u{1b}]8;;https://semver.org/")) }
            screens[setting] = try ["first", "second"].map { try String(contentsOfFile: scratch.url("\($0).txt"), encoding: .utf8) }
        }
        #expect(screens["on"] == screens["off"], "the hyperlinks change no cell")
    }

    @Test func anEscAtTheEndOfAPasteDoesNotHideTheEndMarker() throws {
        _ = try run("hostile-paste-escape", config: "", run: "paste-escape")
    }
}
