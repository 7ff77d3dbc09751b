import StudyTerminal
import Testing
@testable import studydash

/// The dashboard's own reading of its arguments (DashboardArguments) never disagrees with
/// swift-argument-parser: whatever it reads, the whole parse reads the same way, and whatever
/// the whole parse refuses or answers (help, the version, a usage error), it leaves alone.
@Suite struct DashboardArgumentsTests {
    /// What a dashboard command was told, for comparing the two readings.
    struct Told: Equatable, CustomStringConvertible {
        var path: String?
        var folders: [String]
        var noCache: Bool
        var config: String?
        var db: String?
        var fresh: Bool
        var color: ColorChoice

        init(_ request: DashboardRequest) {
            path = request.path
            folders = request.options.folders
            noCache = request.options.noCache
            config = request.options.configFile
            db = request.store.path
            fresh = request.fresh
            color = request.color
        }

        init(_ command: DashboardCommand) {
            self.init(command.request)
        }

        var description: String {
            "path \(path ?? "-") content \(folders) no-cache \(noCache) config \(config ?? "-") db \(db ?? "-") "
                + "fresh \(fresh) color \(color)"
        }
    }

    static let commands: Set<String> = {
        let names = StudyDash.configuration.subcommands.compactMap { $0.configuration.commandName }
        return Set(names + ["help"])
    }()

    /// Both readings of `arguments` as `main` makes them: the fast one (nil when declined) and
    /// the whole parser's (nil when it answers with anything but a dashboard).
    static func readings(_ arguments: [String]) -> (fast: Told?, whole: Told?)? {
        guard case .parse(let arranged) = LeadingOptions.arrange(arguments, commands: commands) else { return nil }
        let rest = arranged.first == "dashboard" ? Array(arranged.dropFirst()) : arranged
        let fast = DashboardArguments.request(rest, commands: commands).map(Told.init)
        let whole = ((try? StudyDash.parseAsRoot(arranged)) as? DashboardCommand).map(Told.init)
        return (fast, whole)
    }

    static let words = ["--fresh", "--no-cache", "--content", "notes", "--content=notes", "--db", "p.sqlite",
                        "--db=p.sqlite", "--config", "c.toml", "--config=", "--color", "never", "--color=always",
                        "--color=sometimes", "-h", "--help", "--version", "--", "-", "", "--db=-x", "a/b.md",
                        "--verbose", "status", "help", "dashboard"]

    /// Every one and two words from the list, and longer everyday lines: a reading of the fast
    /// path is always the whole parser's.
    @Test func whatItReadsTheParserReadsTheSame() {
        var lines = Self.words.map { [$0] }
        for first in Self.words { for second in Self.words { lines.append([first, second]) } }
        lines += [["--content", "a", "--content", "b", "--db", "p", "--fresh"],
                  ["--db=p", "notes/README.md", "--color", "never", "--no-cache", "--config", "c.toml"],
                  ["dashboard", "--content", "a", "b"], ["--content", "a", "b", "c"],
                  ["--db", "p", "--db", "q"], ["--fresh", "--fresh"], ["--color", "auto", "--color", "never"]]
        var read = 0
        for line in lines {
            guard let (fast, whole) = Self.readings(line), let fast else { continue }
            read += 1
            #expect(fast == whole, "\(line): fast \(fast), parser \(whole.map(\.description) ?? "no dashboard")")
        }
        #expect(read > 50, "the fast path read only \(read) of the lines")
    }

    /// The everyday starts take the fast path (else it saves nothing).
    @Test(arguments: [[String](), ["--db", "p.sqlite"], ["--content", "notes", "--db=p.sqlite", "--fresh"],
                      ["notes/README.md"], ["dashboard", "--color", "never"], ["--config", "c.toml", "--no-cache", "notes"]])
    func everydayStartsAreReadWithoutTheParser(_ arguments: [String]) throws {
        let (fast, whole) = try #require(Self.readings(arguments))
        #expect(fast != nil, "\(arguments) was left to the parser")
        #expect(fast == whole)
    }
}
