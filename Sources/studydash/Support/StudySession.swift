import StudyCore
import StudyStore

/// The notes and the progress store opened together, as every progress command needs them:
/// finding items the way a user names them, and describing them to the store.
struct StudySession {
    let tree: ContentTree
    let store: ProgressStore
    let lookup: ItemLookup
    /// Titles from the root down to the topic that first lists each resource, and to each topic.
    let places: [String: [String]]

    init(content: ContentOptions, store: StoreOptions) throws {
        tree = try content.load()
        self.store = try store.open()
        lookup = ItemLookup(tree: tree)
        var places: [String: [String]] = [:]
        tree.forEachTopic { topic, path in
            let titles = path.map(\.title) + [topic.title]
            places[topic.id] = titles
            for id in topic.resourceIDs where places[id] == nil { places[id] = titles }
        }
        self.places = places
    }

    /// The progress of every item in the notes (not of orphans: see `orphanCount`).
    func progress() throws -> LearnerProgress {
        try storeCall {
            // One lookup per item costs two queries each; when the store holds fewer items than
            // the notes list (a new learner, a big notes folder), reading it all is cheaper.
            guard try store.storedItemCount() < places.count else { return try store.progress(of: places.keys) }
            let all = try store.progress()
            return LearnerProgress(statuses: all.statuses.filter { places[$0.key] != nil },
                                   annotations: all.annotations.filter { places[$0.key] != nil })
        }
    }

    /// Stored entries whose item is not in the notes, counted without reading them all.
    func orphanCount(_ progress: LearnerProgress) throws -> Int {
        var present = Set(progress.statuses.keys)
        present.formUnion(progress.annotations.keys)
        return try storeCall { try store.storedItemCount() } - present.count
    }

    /// Finds the item a user means, or fails listing the candidates (changing nothing).
    func resolve(_ query: String) throws -> ItemLookup.Item {
        switch lookup.find(query) {
        case .found(let item): return item
        case .ambiguous(let candidates): throw CLIError(ambiguityMessage(query, candidates))
        case .notFound: throw CLIError("nothing matches '\(query)'; `studydash tree --ids` lists topics and IDs")
        }
    }

    /// What the store remembers about an item (see KnownItem).
    func known(_ item: ItemLookup.Item) -> KnownItem {
        switch item {
        case .topic(let topic, let path):
            KnownItem(id: topic.id, kind: .topic, title: topic.title, url: nil,
                      topicPath: path.map(\.title) + [topic.title], seenAt: ProgressStore.now())
        case .resource(let resource): known(resource)
        }
    }

    func known(_ resource: Resource) -> KnownItem {
        KnownItem(id: resource.id, kind: .resource, title: resource.title, url: resource.url,
                  topicPath: places[resource.id] ?? [], seenAt: ProgressStore.now())
    }

    /// The resources an item stands for: itself, or every resource under a topic.
    func resources(of item: ItemLookup.Item) -> [Resource] {
        switch item {
        case .resource(let resource): [resource]
        case .topic(let topic, _): tree.resourceIDs(under: topic).compactMap { tree.resources[$0] }
        }
    }

    func isPresent(_ id: String) -> Bool { tree.resources[id] != nil || lookup.item(id: id) != nil }

    /// The candidates with what tells them apart: ID, kind, title, where each sits, its link.
    func ambiguityMessage(_ query: String, _ candidates: [ItemLookup.Item]) -> String {
        var lines = ["'\(query)' matches \(candidates.count) items; name one by its ID:"]
        for candidate in candidates.prefix(20) {
            lines.append("  \(candidate.id)  \(Self.kindName(candidate).padding(8))  \(candidate.title)")
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

/// Runs a store call, turning its error into a one-line CLI error with the command line's advice.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw CLIError(error.commandLineMessage)
    }
}

extension String {
    /// Pads with spaces to `width` display columns (never truncates).
    func padding(_ width: Int) -> String {
        let missing = width - DisplayWidth.of(self)
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }
}
