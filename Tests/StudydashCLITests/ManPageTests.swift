import Foundation
import StudyTestSupport
import Testing

/// The hand-written man page, `docs/studydash.1`, kept in step with the commands: every
/// subcommand and option `studydash --help` lists appears in it, it covers the files, the
/// environment and the exit status, and `man -l` renders it (scripts/test installs man-db
/// when it is missing).
@Suite(.enabled(if: ManPage.renderer != nil, "man is not installed (scripts/test installs man-db)"))
struct ManPageTests {
    static let page = (Repository.root as NSString).appendingPathComponent("docs/studydash.1")

    @Test func everySubcommandAndGlobalOptionOfTheHelpIsInThePage() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        let text = try ManPage.render(Self.page)
        let (commands, options) = ManPage.commandsAndOptions(inHelp: help.out)
        #expect(commands.count >= 15, "the help's subcommands were read: \(commands)")
        #expect(options.contains("--version"))
        for command in commands {
            #expect(text.contains("\n       \(command)"), "the man page has no entry for `\(command)`")
        }
        for option in options { #expect(text.contains(option), "the man page does not name \(option)") }
    }

    @Test func itCoversTheFilesTheEnvironmentAndTheExitStatus() throws {
        let text = try ManPage.render(Self.page)
        for heading in ["NAME", "SYNOPSIS", "FILES", "ENVIRONMENT", "EXIT STATUS"] {
            #expect(text.contains("\n\(heading)\n"), "no \(heading) section")
        }
        for name in ["~/.config/studydash/config.toml", "progress.sqlite", "~/.local/state/studydash/",
                     "STUDYDASH_CONTENT", "STUDYDASH_DB", "STUDYDASH_CONFIG", "STUDYDASH_SYNC_DIR", "NO_COLOR",
                     "EDITOR", "BROWSER", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"] {
            #expect(text.contains(name), "the man page does not mention \(name)")
        }
    }
}

enum ManPage {
    static let renderer: String? = ["/usr/bin/man", "/bin/man"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The page as `man -l` shows it, as plain text at 100 columns.
    static func render(_ path: String) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["MANWIDTH"] = "100"
        env["MANPAGER"] = "cat"
        env["MAN_KEEP_FORMATTING"] = nil
        let result = try CLI.runProcess(renderer ?? "man", ["-l", path], cwd: Repository.root, environment: env)
        #expect(result.status == 0, "man -l failed: \(result.err)")
        #expect(!result.err.contains("warning"), "the page has roff problems: \(result.err)")
        // Bold and underline as overstrikes ("c\bc"), should a man-db keep them in a pipe.
        return result.out.replacingOccurrences(of: ".\u{8}", with: "", options: .regularExpression)
    }

    /// The subcommand names and `--options` of the root help.
    static func commandsAndOptions(inHelp help: String) -> (commands: [String], options: [String]) {
        var commands: [String] = [], options: [String] = [], section = ""
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") { section = String(line) }
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            let first = line.split(separator: " ").first.map(String.init) ?? ""
            if section.hasPrefix("SUBCOMMANDS") && first.first?.isLetter == true { commands.append(first) }
            if section.hasPrefix("OPTIONS") {
                options += line.split(separator: " ").map { String($0).trimmingCharacters(in: [","]) }
                    .filter { $0.hasPrefix("--") }
            }
        }
        return (commands, options)
    }
}
