import ArgumentParser
import StudyApp
import StudyCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a topic's note as wrapped text, or a resource's details.",
        discussion: """
            ITEM is an ID, a unique ID prefix (3 characters or more), a resource's URL, or a title \
            (exact, else a unique part of one; case does not matter). A topic and a resource with the \
            same exact title: the topic is meant. When a title or prefix matches several items, they \
            are listed with their IDs, places and links, and the exit status is 1.
            """)

    @Argument(help: ArgumentHelp("The topic or resource: ID, ID prefix, URL or title.", valueName: "item"),
              completion: ItemCompletion.items)
    var item: String

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Wrap text to N columns (default: $COLUMNS, else 80).", valueName: "n"))
    var width: Int?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        try reportingErrors {
            let session = try StudySession(content: content, store: store)
            let report = ShowReport(tree: session.tree, lookup: session.lookup, width: width ?? Self.defaultWidth(), progress: try storeCall { try session.progress() })
            switch session.lookup.find(item) {
            case .found(let found):
                Output.write(json ? report.json(found) : Array(report.text(found).utf8))
            case .ambiguous(let candidates):
                if json { Output.write(report.candidatesJSON(candidates)) }
                throw CLIError(session.ambiguityMessage(item, candidates))
            case .notFound:
                throw CLIError("nothing matches '\(item)'; `studydash tree --ids` lists topics and IDs")
            }
        }
    }

    static func defaultWidth() -> Int {
        if let columns = Environment.value("COLUMNS").flatMap(Int.init), columns >= 20 { return columns }
        return 80
    }
}
