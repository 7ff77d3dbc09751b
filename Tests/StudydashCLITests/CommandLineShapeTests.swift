import Foundation
import Testing
import StudyTestSupport

/// Where the shared options may stand, and what an unknown command word does: the command line
/// a shell alias like `alias sd='studydash --db …'` produces must work with every command.
@Suite struct CommandLineShapeTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    @Test func sharedOptionsBeforeTheCommandWorkAsAfterIt() throws {
        #expect(try CLI.run(["mark", "S3 Standard", "done", "--content", "notes", "--db", db]).status == 0)
        let after = try CLI.run(["status", "--content", "notes", "--db", db])
        #expect(after.status == 0)
        for before in [["--db", db, "--content", "notes", "status"], ["--content=notes", "--db=\(db)", "status"],
                       ["--db", db, "status", "--content", "notes"]] {
            let result = try CLI.run(before)
            #expect(result.status == 0, "\(before): \(result.err)")
            #expect(result.out == after.out, "\(before)")
        }
        let tree = try CLI.run(["--content", "notes", "tree"])
        #expect(tree.status == 0, "\(tree.err)")
        #expect(tree.out == (try CLI.run(["tree", "--content", "notes"])).out)
    }

    @Test func repeatedContentBeforeTheCommandReadsEveryFolder() throws {
        let other = try TemporaryFolder(["extra.md": "# Extra\n\n- [Extra link](https://extra.example/x)\n"])
        let result = try CLI.run(["--content", "notes", "--content=\(other.path)", "tree", "--depth", "0"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("Fixture Notes"))
        #expect(result.out.hasSuffix("resources\n") && result.out.contains(", 7 resources"))
    }

    /// Every command accepts both options wherever they stand, `tree` and `check` included.
    @Test(arguments: [["tree"], ["check"], ["show", "Versioning"], ["status"], ["next"], ["mark", "S3 Standard", "done"],
                      ["note", "S3 Standard"], ["undo"], ["stats"], ["export"]])
    func everyCommandTakesTheAliasOptions(_ command: [String]) throws {
        let result = try CLI.run(["--db", db, "--content", "notes"] + command)
        #expect(result.status == 0, "\(command): \(result.err)")
        let afterwards = try CLI.run(command + ["--content", "notes", "--db", db])
        #expect(afterwards.status == 0, "\(command): \(afterwards.err)")
    }

    @Test func helpAndVersionWorkBehindTheAliasOptions() throws {
        let help = try CLI.run(["--db", db, "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("SUBCOMMANDS:"))
        let version = try CLI.run(["--db", db, "--content", "notes", "--version"])
        #expect(version.status == 0)
        #expect(version.out == "0.12.0\n")
        let statusHelp = try CLI.run(["--db", db, "help", "status"])
        #expect(statusHelp.status == 0, "\(statusHelp.err)")
        #expect(statusHelp.out.contains("USAGE: studydash status"))
    }

    /// With nothing but the shared options, the dashboard is still the default (here without a
    /// terminal, so it says it needs one).
    @Test(arguments: [[String](), ["--content", "notes"], ["--db", "DB"], ["--db=DB", "--content=notes"]])
    func theAliasAloneOpensTheDashboard(_ arguments: [String]) throws {
        let result = try CLI.run(arguments.map { $0.replacingOccurrences(of: "DB", with: db) })
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.contains("terminal"))
        #expect(!result.err.contains("unknown command"))
    }

    @Test(arguments: [["frobnicate"], ["grep", "x"], ["--db", "DB", "frobnicate", "--help"]])
    func anUnknownCommandIsNamedWithTheList(_ arguments: [String]) throws {
        let result = try CLI.run(arguments.map { $0.replacingOccurrences(of: "DB", with: db) })
        #expect(result.status == 64)
        let lines = result.err.split(separator: "\n").map(String.init)
        let word = arguments.first { !$0.hasPrefix("-") && $0 != "DB" } ?? ""
        #expect(lines.first?.hasPrefix("studydash: unknown command '\(word)'") == true, "\(result.err)")
        for command in ["dashboard", "tree", "check", "show", "status", "mark", "note", "next", "search", "stats", "undo",
                        "relink", "export", "import"] {
            #expect(lines.contains { $0.hasPrefix("  \(command) ") }, "the list lacks \(command)")
        }
        #expect(!result.err.contains("dashboard <"), "not a usage line of the dashboard")
        #expect(result.out.isEmpty)
    }

    /// The dashboard's arguments are parsed by its own command first (start-up cost); whatever
    /// that parse refuses goes through the whole parser, so the root's answers stay: the version
    /// behind a dashboard flag, the dashboard's usage error, a command name after a flag.
    @Test func dashboardArgumentsGetTheWholeParsersAnswers() throws {
        let version = try CLI.run(["--fresh", "--version"])
        #expect(version.status == 0, "\(version.err)")
        #expect(version.out == "0.12.0\n")
        let wrong = try CLI.run(["--db", db, "--color", "sometimes"])
        #expect(wrong.status == 64)
        #expect(wrong.err.hasPrefix("Error: The value 'sometimes' is invalid for '--color <when>'"), "\(wrong.err)")
        #expect(wrong.err.contains("Usage: studydash dashboard [<path>]"), "\(wrong.err)")
        for arguments in [["--fresh", "tree"], ["dashboard", "--fresh"], ["dashboard", "dashboard"]] {
            let result = try CLI.run(arguments + ["--db", db])
            #expect(result.status == 1, "\(arguments): \(result.err)")
            #expect(result.err.contains("the dashboard needs a terminal"), "\(arguments): \(result.err)")
        }
    }

    /// `mark`'s arguments are parsed by its own command first (start-up cost); whatever that
    /// parse refuses goes through the whole parser: the version, a completion script, the usage
    /// error naming `studydash mark`, the help, and nothing is marked on the way.
    @Test func markArgumentsGetTheWholeParsersAnswers() throws {
        let version = try CLI.run(["mark", "S3 Standard", "done", "--version", "--content", "notes", "--db", db])
        #expect(version.status == 0, "\(version.err)")
        #expect(version.out == "0.12.0\n")
        let script = try CLI.run(["mark", "--generate-completion-script", "bash"])
        #expect(script.status == 0, "\(script.err)")
        #expect(script.out.contains("---completion"), "\(script.out.prefix(200))")
        let wrong = try CLI.run(["mark", "S3 Standard", "--content", "notes", "--db", db])
        #expect(wrong.status == 64)
        #expect(wrong.err.contains("Usage: studydash mark"), "\(wrong.err)")
        let help = try CLI.run(["mark", "--help"])
        #expect(help.status == 0, "\(help.err)")
        #expect(help.out == (try CLI.run(["help", "mark"])).out)
        #expect(help.out.contains("USAGE: studydash mark"), "\(help.out)")
        let mark = try CLI.run(["mark", "S3 Standard", "done", "--content", "notes", "--db", db])
        #expect(mark.status == 0, "\(mark.err)")
        #expect(mark.out.hasSuffix("is now done\n"), "marked before: \(mark.out)")
    }

    @Test func aMissingValueIsStillAUsageError() throws {
        let result = try CLI.run(["status", "--db"])
        #expect(result.status == 64)
        #expect(try CLI.run(["--db"]).status == 64)
    }

    /// Help, usage and the version are output like any other: a write that fails is an error.
    @Test(arguments: [["--help"], ["--version"], ["help", "mark"], ["status", "--help"]])
    func helpAndVersionReportAFailedWrite(arguments: [String]) throws {
        let result = try CLI.runProcess("/bin/sh", ["-c", "\"$0\" \"$@\" > /dev/full", CLI.binary] + arguments,
                                        cwd: CLI.fixtures, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 1, "\(arguments)")
        #expect(result.err == "studydash: cannot write to standard output: No space left on device\n", "\(result.err)")
    }
}
