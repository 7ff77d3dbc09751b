import ArgumentParser
import StudyApp
import StudyCore
import StudyStore

struct RelinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relink",
        abstract: "Move a stored status and annotation from an old ID onto an item in the notes.",
        discussion: """
            When a resource's URL changes, or a topic is renamed, its ID changes and what you stored \
            under the old ID becomes an orphan (`studydash status --orphans` lists them). OLD is the old \
            ID (or a unique prefix of a stored ID); NEW is the item now in the notes (ID, prefix, URL or \
            title). NEW must not have a status or annotation of its own. `studydash undo` moves it back.
            """)

    @Argument(help: ArgumentHelp("The stored ID to move from.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The item in the notes to move onto.", valueName: "new"))
    var new: String

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let session = try StudySession(content: content, store: store)
            let oldID = try resolveStored(old, in: session)
            let target = try session.resolve(new)
            let outcome = try storeCall { try session.relink(from: oldID, to: target.id) }
            Output.write("Moved the entries of \(outcome.oldID) onto \(Output.safe(outcome.title)) (\(outcome.itemID)).\n")
        }
    }

    /// An exact stored ID, a URL (its resource ID), or a unique prefix of a stored ID.
    private func resolveStored(_ query: String, in session: StudySession) throws -> String {
        switch try storeCall({ try session.storedID(matching: query) }) {
        case .found(let id):
            return id
        case .ambiguous(let matches):
            var lines = ["'\(query)' is the start of \(matches.count) stored IDs; name one in full:"]
            for match in matches.prefix(20) { lines += describe(match.id, match.known) }
            if matches.count > 20 { lines.append("  … and \(matches.count - 20) more") }
            throw CLIError(lines.joined(separator: "\n"))
        case .notFound:
            throw CLIError("the store holds nothing under '\(query)'; `studydash status --orphans` lists what can be relinked")
        }
    }

    /// A stored ID with what the store last saw of its item: title, place, link.
    private func describe(_ id: String, _ item: KnownItem?) -> [String] {
        guard let item else { return ["  \(id)  (title unknown)"] }
        var lines = ["  \(id)  \(item.kind.rawValue.padded(toColumns: 8))  \(item.title.isEmpty ? "(title unknown)" : item.title)"]
        let place = item.kind == .topic ? item.topicPath.dropLast() : item.topicPath[...]
        if !place.isEmpty { lines.append("      was under " + place.joined(separator: " › ")) }
        if let url = item.url { lines.append("      " + url) }
        return lines
    }
}
