import ArgumentParser
import StudyCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report problems in the notes: warnings, duplicate URLs, empty topics.",
        discussion: """
            Every warning is printed as `file:line: reason`. Duplicate URLs (one resource listed in \
            several places) and empty topics are listed after the warnings, then a summary line.
            Exit status: 0 when the notes load (even with warnings); 1 when a content folder is \
            missing or unreadable; 2 with --strict when there is any warning.
            --json prints { "schema": "studydash.check/1", "warnings": [{"file","line","reason"}], \
            "duplicates": [{"id","url","occurrences": ["file:line"]}], \
            "emptyTopics": [{"id","title","source"}], "summary": {...} }. \
            --db is accepted, so that one alias serves every command, but check reads only the notes.
            """)

    @OptionGroup var content: ContentOptions
    /// Accepted so that one alias (`studydash --db …`) serves every command; this command reads
    /// only the notes and never opens or creates the store.
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Flag(help: "Exit with status 2 when there is any warning (for CI of a notes folder).")
    var strict = false

    func run() throws {
        try reportingErrors {
            let tree = try content.load()
            let report = CheckReport(tree: tree)
            Output.write(json ? report.json() : Array(report.text().utf8))
            if strict && !tree.warnings.isEmpty { throw ExitCode(2) }
        }
    }
}
