import StudyApp
import StudyContent
import StudyCore
import StudyStore
import StudyText

/// The session as the command line opens it and names items: from `--content` and `--db`, with
/// every failure a one-line error that says what to type instead.
extension StudySession {
    /// An existing store opens on the other core while the notes load (GRDB's set-up, the checks
    /// and the migrations look: about a quarter of what loading the bundled notes takes). A new
    /// one is made only once the notes have loaded, so that a wrong notes folder leaves no store
    /// behind. Either way a failure of the notes is the one reported, as before.
    init(content: ContentOptions, store: StoreOptions) throws {
        self = try Self.opening(content: content.choice, store: store.choice).session
    }

    /// The same, with the walk the notes were read by (what the dashboard's watcher starts from).
    static func opening(content: ContentChoice, store: StoreChoice)
        throws -> (session: StudySession, walk: NotesListing.Walked) {
        try opening(content: content, store: store, config: content.loadConfig())
    }

    /// The same, with the settings the caller has already read (the config file is read and
    /// parsed once per start, not once per question asked of it).
    static func opening(content: ContentChoice, store: StoreChoice, config: StudyConfig)
        throws -> (session: StudySession, walk: NotesListing.Walked) {
        guard store.exists(config: config) else {
            let loaded = try content.loadWalked(config: config)
            return (StudySession(tree: loaded.tree, store: try store.open(config: config)), loaded.walk)
        }
        let opening = InBackground { try store.open(config: config) }
        let loaded = try content.loadWalked(config: config)
        return (StudySession(tree: loaded.tree, store: try opening.value()), loaded.walk)
    }

    /// Finds the item a user means, or fails listing the candidates (changing nothing).
    func resolve(_ query: String) throws -> ItemLookup.Item {
        switch lookup.find(query) {
        case .found(let item): return item
        case .ambiguous(let candidates): throw CLIError(ambiguityMessage(query, candidates))
        case .notFound: throw CLIError("nothing matches '\(query)'; `studydash tree --ids` lists topics and IDs")
        }
    }

    /// The candidates with what tells them apart: ID, kind, title, where each sits, its link.
    func ambiguityMessage(_ query: String, _ candidates: [ItemLookup.Item]) -> String {
        var lines = ["'\(query)' matches \(candidates.count) items; name one by its ID:"]
        for candidate in candidates.prefix(20) {
            lines.append("  \(candidate.id)  \(Self.kindName(candidate).padded(toColumns: 8))  \(candidate.title)")
            let place = lookup.place(of: candidate)
            if !place.isEmpty { lines.append("      in " + place.joined(separator: " › ")) }
            if let url = candidate.url { lines.append("      " + url) }
        }
        if candidates.count > 20 { lines.append("  … and \(candidates.count - 20) more") }
        return lines.joined(separator: "\n")
    }

    static func kindName(_ item: ItemLookup.Item) -> String {
        switch item {
        case .topic: "topic"
        case .resource: "resource"
        }
    }
}
