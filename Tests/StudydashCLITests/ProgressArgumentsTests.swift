import Testing
@testable import studydash

/// The fast reading of `mark` and `status` (ProgressArguments) never disagrees with
/// swift-argument-parser: whatever it reads, the whole parse reads the same way, and whatever
/// the whole parse refuses or answers (help, a usage error, a missing status), it leaves alone.
@Suite struct ProgressArgumentsTests {
    /// What a `mark` or `status` command was told, for comparing the two readings.
    struct Told: Equatable, CustomStringConvertible {
        var command: String
        var words: [String]
        var orphans = false
        var json: Bool
        var folders: [String]
        var noCache: Bool
        var config: String?
        var db: String?

        init?(_ parsed: Any?) {
            if let mark = parsed as? MarkRequest {
                command = "mark"
                words = mark.arguments
                json = mark.json
                folders = mark.content.folders
                noCache = mark.content.noCache
                config = mark.content.configFile
                db = mark.store.path
            } else if let mark = parsed as? MarkCommand {
                command = "mark"
                words = mark.arguments
                json = mark.json
                folders = mark.content.folders
                noCache = mark.content.noCache
                config = mark.content.config.file
                db = mark.store.path
            } else if let status = parsed as? StatusCommand {
                command = "status"
                words = status.topic.map { [$0] } ?? []
                orphans = status.orphans
                json = status.json
                folders = status.content.folders
                noCache = status.content.noCache
                config = status.content.config.file
                db = status.store.path
            } else {
                return nil
            }
        }

        var description: String {
            "\(command) \(words) orphans \(orphans) json \(json) content \(folders) no-cache \(noCache) "
                + "config \(config ?? "-") db \(db ?? "-")"
        }
    }

    static let commands: Set<String> = {
        let names = StudyDash.configuration.subcommands.compactMap { $0.configuration.commandName }
        return Set(names + ["help"])
    }()

    /// Both readings of `arguments` as `main` makes them: the fast one (nil when declined) and
    /// the whole parser's (nil when it answers with anything but this command).
    static func readings(_ arguments: [String]) -> (fast: Told?, whole: Told?)? {
        guard case .parse(let arranged) = LeadingOptions.arrange(arguments, commands: commands) else { return nil }
        let fast = Told(ProgressArguments.request(arranged, commands: commands).map { request -> Any in
            switch request {
            case .mark(let mark): mark
            case .status(let status): status
            }
        })
        let whole = Told(try? StudyDash.parseAsRoot(arranged))
        return (fast, whole)
    }

    static let words = ["done", "Learning", "https://semver.org/", "--json", "--orphans", "--no-cache", "--content",
                        "--content=notes", "--db", "--db=p.sqlite", "--config=", "-h", "--help", "--", "-", "",
                        "--db=-x", "--json=true", "help", "status"]

    /// `mark` and `status` with every one and two words from the list, and longer everyday
    /// lines: a reading of the fast path is always the whole parser's.
    @Test func whatItReadsTheParserReadsTheSame() {
        var lines: [[String]] = []
        for command in ["mark", "status"] {
            for first in Self.words {
                lines.append([command, first])
                for second in Self.words { lines.append([command, first, second]) }
            }
        }
        lines += [["mark", "a", "b", "c", "done", "--content", "x", "--content", "y", "--db", "p", "--json"],
                  ["--db", "p", "mark", "a", "--no-cache", "skipped"], ["mark", "a", "done", "--db", "p", "--db", "q"],
                  ["mark", "--json", "a", "--json", "done"], ["status", "a", "b"], ["status", "--orphans", "--orphans"],
                  ["--content=x", "status", "Topic", "--config", "c.toml", "--orphans", "--json"]]
        var read = 0
        for line in lines {
            guard let (fast, whole) = Self.readings(line), let fast else { continue }
            read += 1
            #expect(fast == whole, "\(line): fast \(fast), parser \(whole.map(\.description) ?? "no such command")")
        }
        #expect(read > 50, "the fast path read only \(read) of the lines")
    }

    /// The everyday lines take the fast path (else it saves nothing).
    @Test(arguments: [["mark", "https://semver.org/", "done"], ["mark", "r7v", "r8x", "learning", "--json"],
                      ["--db", "p.sqlite", "mark", "Kubernetes", "skipped"], ["status"], ["status", "--db=p.sqlite"],
                      ["status", "Data", "--json", "--content", "notes"], ["status", "--orphans"]])
    func everydayLinesAreReadWithoutTheParser(_ arguments: [String]) throws {
        let (fast, whole) = try #require(Self.readings(arguments))
        #expect(fast != nil, "\(arguments) was left to the parser")
        #expect(fast == whole)
    }
}
