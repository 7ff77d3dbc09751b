import ArgumentParser
import StudyApp
import StudyCore
import StudyStore
import StudyText

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a JSON export into your progress; for each item the newer change wins.",
        discussion: """
            Statuses and annotations are merged item by item, keeping the newer; the event logs are united \
            without duplicates; nothing is deleted. Importing the same file twice changes nothing. A file \
            that is not a StudyDash export, is malformed, or comes from a newer StudyDash is refused and \
            nothing changes. FILE may be "-" for standard input.
            """)

    @Argument(help: ArgumentHelp("A file written by `studydash export`.", valueName: "file"))
    var file: String

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try reportingErrors {
            let data = try ImportFile.read(file)
            let document: ProgressDocument
            do {
                document = try ProgressDocument.parse(data)
            } catch {
                throw CLIError("cannot import \(file): \(String(describing: error)); nothing was changed")
            }
            let session = try StudySession(content: content, store: store)
            let summary = try storeCall { try session.store.merge(document) }
            let orphans = try storeCall { try session.orphanCount(try session.progress()) }
            if json {
                var writer = JSONWriter(pretty: Output.isTerminal)
                writer.beginObject()
                writer.value("schema", "studydash.import/1")
                writer.value("states", summary.states)
                writer.value("annotations", summary.annotations)
                writer.value("events", summary.events)
                writer.value("items", summary.items)
                writer.value("orphans", orphans)
                writer.endObject()
                Output.write(writer.bytes)
            } else if summary.isEmpty {
                Output.write("Nothing new in \(Output.safe(file)): the store already had all of it.\n")
            } else {
                Output.write("Imported \(Output.safe(file)): \(Plural.count(summary.states, "status", plural: "statuses")), "
                    + "\(Plural.count(summary.annotations, "annotation")), "
                    + "\(Plural.count(summary.events, "event")) added or updated.\n")
            }
            if !json && orphans > 0 {
                Output.write(Plural.count(orphans, "stored entry", plural: "stored entries") + (orphans == 1 ? " is" : " are")
                    + " for items not in these notes: "
                    + "`studydash status --orphans`\n")
            }
        }
    }
}
