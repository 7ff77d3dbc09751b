/// Search over a loaded notes tree: every title, description, URL and note folded once at
/// creation, in curriculum order, and scanned per query. Annotations change while the dashboard
/// runs and are few, so they are folded per query from the `LearnerProgress` given.
///
/// What matches: an item matches when every word and phrase of the query occurs in at least one of
/// its fields (different words may sit in different fields; `in:title` looks at titles only).
/// Filters: `is:` keeps resources with one of the statuses asked for and never a topic (a topic
/// has no status of its own); `has:annotation` keeps topics and resources the learner annotated.
/// A query of filters only lists every item that passes them. Matching is by substring, so `kube`
/// finds `Kubernetes` and CJK needs no word breaks. The notes' prose is matched as written
/// (Markdown source); only the snippet drops the obvious syntax.
public struct SearchIndex: Sendable {
    struct Item: Sendable {
        var kind: SearchHit.Kind
        var id: String
        var title: String
        var description: String = ""
        var url: String = ""
        var note: String = ""
        var resource: Resource?

        func text(of field: SearchField) -> String {
            switch field {
            case .title: title
            case .description: description
            case .url: url
            case .note: note
            case .annotation: ""
            }
        }
    }

    /// Topics depth-first, each followed by the resources it is the first to list.
    let items: [Item]
    private let position: [String: Int]
    /// Titles apart from the rest, so that `in:title` scans only them.
    private let titles: FoldedTexts
    private let bodies: FoldedTexts

    public init(tree: ContentTree) {
        var items: [Item] = []
        var seen = Set<String>()
        tree.forEachTopic { topic, _ in
            items.append(Item(kind: .topic, id: topic.id, title: topic.title, note: topic.note))
            for id in topic.resourceIDs where seen.insert(id).inserted {
                guard let resource = tree.resources[id] else { continue }
                items.append(Item(kind: .resource, id: id, title: resource.title, description: resource.description,
                                  url: resource.url ?? "", resource: resource))
            }
        }
        var cache = SearchFolding.Cache()
        var titles = FoldedTexts()
        var bodies = FoldedTexts()
        var position: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            position[item.id] = position[item.id] ?? index
            titles.add(item.title, item: index, field: .title, cache: &cache)
            for field in [SearchField.description, .url, .note] {
                bodies.add(item.text(of: field), item: index, field: field, cache: &cache)
            }
        }
        self.items = items
        self.position = position
        self.titles = titles
        self.bodies = bodies
    }

    /// Hits in curriculum order (depth-first, topics before their resources), each item once.
    /// A query with a `problem`, or an empty one, finds nothing.
    public func hits(for query: SearchQuery, progress: LearnerProgress) -> [SearchHit] {
        guard query.problem == nil, !query.isEmpty else { return [] }
        var matches = Matches(itemCount: items.count)
        for (bit, term) in query.foldedTerms.enumerated() {
            let mask = UInt64(1) << UInt64(bit)
            titles.forEachSegment(containing: term) { segment, offset in
                matches.mark(segment.item, mask, .title, offset: offset, segment: segment)
            }
            guard !query.titlesOnly else { continue }
            bodies.forEachSegment(containing: term) { segment, offset in
                matches.mark(segment.item, mask, segment.field, offset: offset, segment: segment)
            }
        }
        if !query.titlesOnly && !query.foldedTerms.isEmpty {
            for (id, annotation) in progress.annotations {
                guard let item = position[id], let text = annotation.text else { continue }
                let folded = SearchFolding.mapped(text)
                for (bit, term) in query.foldedTerms.enumerated() {
                    guard let offset = Self.firstOffset(of: term, in: folded.bytes) else { continue }
                    matches.mark(item, UInt64(1) << UInt64(bit), .annotation, offset: folded.origins[offset], segment: nil)
                }
            }
        }
        let all = query.foldedTerms.count == 64 ? UInt64.max : (UInt64(1) << UInt64(query.foldedTerms.count)) - 1
        var hits: [SearchHit] = []
        for index in items.indices where matches.masks[index] == all && passesFilters(items[index], query, progress) {
            hits.append(hit(index, matches, progress))
        }
        return hits
    }

    /// The same hits ranked for the CLI: title matches, then description matches, then URL, prose
    /// and annotation matches; curriculum order within each.
    public func ranked(for query: SearchQuery, progress: LearnerProgress) -> [SearchHit] {
        hits(for: query, progress: progress).enumerated()
            .sorted { ($0.element.field.rankTier, $0.offset) < ($1.element.field.rankTier, $1.offset) }
            .map(\.element)
    }

    private func passesFilters(_ item: Item, _ query: SearchQuery, _ progress: LearnerProgress) -> Bool {
        if !query.statuses.isEmpty {
            guard let resource = item.resource, query.statuses.contains(progress.status(of: resource)) else { return false }
        }
        if query.requiresAnnotation {
            guard let text = progress.annotation(of: item.id)?.text, !text.isEmpty else { return false }
        }
        return true
    }

    private func hit(_ index: Int, _ matches: Matches, _ progress: LearnerProgress) -> SearchHit {
        let item = items[index]
        guard let best = matches.best[index] else {
            // Filters only: the item itself is the match.
            return SearchHit(kind: item.kind, id: item.id, field: .title, snippet: SearchSnippet.line(item.title))
        }
        let text = best.field == .annotation ? progress.annotation(of: item.id)?.text ?? "" : item.text(of: best.field)
        var offset = best.offset
        if let segment = best.segment, !segment.keepsOffsets {
            let origins = SearchFolding.mapped(text).origins
            offset = offset < origins.count ? origins[offset] : 0
        }
        let snippet = best.field == .title ? SearchSnippet.line(text)
            : SearchSnippet.around(utf8Offset: offset, in: text, markdown: best.field == .note || best.field == .description)
        return SearchHit(kind: item.kind, id: item.id, field: best.field, snippet: snippet)
    }

    /// The first offset at or after `from` where `term` occurs in `bytes`.
    static func firstOffset(of term: [UInt8], in bytes: [UInt8], from: Int = 0) -> Int? {
        guard !term.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { hay in
            term.withUnsafeBufferPointer { needle in
                guard let hayBase = hay.baseAddress, let needleBase = needle.baseAddress else { return nil }
                return FoldedTexts.find(needleBase, needle.count, in: hayBase, hay.count, from: from)
            }
        }
    }
}

/// What one query found per item: which terms matched, and the best field with where in it.
private struct Matches {
    struct Best {
        var field: SearchField
        /// Into the folded segment when `segment` is set, else a UTF-8 offset into the text.
        var offset: Int
        var segment: FoldedTexts.Segment?
    }

    var masks: [UInt64]
    var best: [Best?]

    init(itemCount: Int) {
        masks = Array(repeating: 0, count: itemCount)
        best = Array(repeating: nil, count: itemCount)
    }

    mutating func mark(_ item: Int, _ mask: UInt64, _ field: SearchField, offset: Int, segment: FoldedTexts.Segment?) {
        masks[item] |= mask
        if let current = best[item], current.field.order <= field.order { return }
        best[item] = Best(field: field, offset: offset, segment: segment)
    }
}
