import ArgumentParser
import StudyApp
import StudyCore
import StudyStore
import StudyText

struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, markdown
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write your progress and annotations out: JSON (everything, for import), CSV or a Markdown report.",
        discussion: """
            json      every status, annotation and event, and what is known about each item, with the schema \
            version: `studydash import` reads it back (see README, "Export format").
            csv       one row per resource: id, title, url, status, topic, annotation (your own text), updated_at, \
            in_notes.
            markdown  the topic tree with - [x] checkboxes, statuses and your annotations, readable on GitHub.

            Writes to standard output, or to FILE with -o, and then says on standard error what it wrote. \
            A regular FILE is replaced only when complete and keeps its permissions (a new one is private, \
            0600: an export holds your annotations); a symlink stays a link and its target is written; a device or \
            FIFO (/dev/null, a named pipe) is written through. The progress store itself is refused, and so is a notes file of the folders read (--content).

            In CSV and Markdown, control characters from the notes and annotations are written as visible symbols, in a \
            file as on a terminal: ESC as ␛, BEL as ␇ (the Unicode control pictures), C1 controls as \
            <U+009B>; in Markdown link targets as %1B. Line breaks and tabs in annotations are kept.

            A failed write is an error (status 1, with the reason); a reader that stops early \
            (`| head`) ends the export quietly with status 1.
            """)

    @Option(help: ArgumentHelp("json, csv or markdown.", valueName: "format"))
    var format: Format = .json

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let file = try OutputFile(path: output, sparing: store.resolvedPath(config: try content.config.load()),
                                      notes: (try? content.resolvedFolders()) ?? [])
            let what: String
            switch format {
            case .json:
                let store = try store.open(config: try content.config.load())
                let document = try storeCall { try store.document() }
                var writer = JSONWriter(pretty: output == nil && Output.isTerminal, sink: file.write)
                document.write(into: &writer)
                file.write("\n")
                what = Plural.count(document.states.count, "status", plural: "statuses") + ", "
                    + Plural.count(document.annotations.count, "annotation") + " and "
                    + Plural.count(document.events.count, "event")
            case .csv:
                let session = try StudySession(content: content, store: store)
                what = Plural.count(try ProgressTables.csv(session, into: file), "resource")
            case .markdown:
                let session = try StudySession(content: content, store: store)
                what = Plural.count(try ProgressTables.markdown(session, into: file), "resource")
            }
            try file.finish()
            if let output, output != "-" {
                Output.note("wrote \(what) to \(Output.safe(output)) (\(format.rawValue), \(Self.size(file.byteCount)))")
            }
        }
    }

    /// 812 bytes, 12 KB, 3.4 MB: as `ls -h` counts (1 KB = 1024 bytes).
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return Plural.count(bytes, "byte") }
        let units = ["KB", "MB", "GB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        let tenths = Int((value * 10).rounded())
        let number = value >= 10 ? "\(Int(value.rounded()))" : tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        return number + " " + units[unit]
    }
}
