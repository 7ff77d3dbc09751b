import ArgumentParser
import StudyApp
import StudyCore
import StudyStore

struct RelinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relink",
        abstract: "Move a stored status and note from an old ID onto an item in the notes.",
        discussion: """
            When a resource's URL changes, or a topic is renamed, its ID changes and what you stored \
            under the old ID becomes an orphan (`studydash status --orphans` lists them). OLD is the old \
            ID (or a unique prefix of a stored ID); NEW is the item now in the notes (ID, prefix, URL or \
            title). NEW must not have a status or note of its own. `studydash undo` moves it back.
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
            let progress = try storeCall { try session.store.progress() }  // orphans included
            var stored = Set(progress.statuses.keys)
            stored.formUnion(progress.annotations.keys)
            let oldID = try resolveStored(old, among: stored, known: try storeCall { try session.store.knownItems() })
            let target = try session.resolve(new)
            guard target.id != oldID else { throw CLIError("OLD and NEW are the same item (\(oldID))") }
            try storeCall { try session.store.relink(from: oldID, to: session.known(target)) }
            Output.write("Moved the entries of \(oldID) onto \(Output.safe(target.title)) (\(target.id)).\n")
        }
    }

    /// An exact stored ID, a URL (its resource ID), or a unique prefix of a stored ID.
    private func resolveStored(_ query: String, among stored: Set<String>, known: [String: KnownItem]) throws -> String {
        if stored.contains(query) { return query }
        if URLNormalizer.isResourceLink(query) {
            let id = StableID.resource(normalizedURL: URLNormalizer.normalize(query))
            if stored.contains(id) { return id }
        }
        let matches = stored.filter { $0.hasPrefix(query.lowercased()) }.sorted()
        if query.count >= ItemLookup.minimumPrefix && matches.count == 1 { return matches[0] }
        if matches.count > 1 && query.count >= ItemLookup.minimumPrefix {
            var lines = ["'\(query)' is the start of \(matches.count) stored IDs; name one in full:"]
            for id in matches.prefix(20) { lines += describe(id, known[id]) }
            if matches.count > 20 { lines.append("  … and \(matches.count - 20) more") }
            throw CLIError(lines.joined(separator: "\n"))
        }
        throw CLIError("the store holds nothing under '\(query)'; `studydash status --orphans` lists what can be relinked")
    }

    /// A stored ID with what the store last saw of its item: title, place, link.
    private func describe(_ id: String, _ item: KnownItem?) -> [String] {
        guard let item else { return ["  \(id)  (title unknown)"] }
        var lines = ["  \(id)  \(item.kind.rawValue.padding(8))  \(item.title.isEmpty ? "(title unknown)" : item.title)"]
        let place = item.kind == .topic ? item.topicPath.dropLast() : item.topicPath[...]
        if !place.isEmpty { lines.append("      was under " + place.joined(separator: " › ")) }
        if let url = item.url { lines.append("      " + url) }
        return lines
    }
}
