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
    /// A class, so that reading one for a hit retains it once rather than each of its strings.
    final class Item: Sendable {
        let kind: SearchHit.Kind
        let id: String
        let title: String
        let description: String
        let url: String
        let note: String

        init(kind: SearchHit.Kind, id: String, title: String, description: String = "", url: String = "",
             note: String = "") {
            self.kind = kind
            self.id = id
            self.title = title
            self.description = description
            self.url = url
            self.note = note
        }

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
    /// The tree's resources, for the `is:` filter: the tree's own table, shared, not copied (an
    /// item holding its `Resource` would double the size of every item).
    private let resources: ResourceTable
    /// For each item, the depth-first number of the topic it shows at: the topic itself, or the
    /// one just before a resource, which is the first to list it.
    private let topicNumbers: [Int32]
    private let position: [String: Int]
    /// Titles apart from the rest, so that `in:title` scans only them.
    private let titles: FoldedTexts
    private let bodies: FoldedTexts
    /// The folds of the non-ASCII scalars in the notes, lent to each query's annotations.
    private let folds: SearchFolding.Cache
    /// Who this index is, for the hit lists it makes (see `SearchHits.source`).
    private let identity = Identity()
    private final class Identity: Sendable {}

    public init(tree: ContentTree) {
        var items: [Item] = []
        var topicNumbers: [Int32] = []
        var topicCount: Int32 = 0
        var seen = Set<String>()
        // A walk of its own: `ContentTree.forEachTopic` builds each topic's path, which search
        // does not need and which costs a tenth of the index on a big folder.
        func visit(_ topic: Topic) {
            items.append(Item(kind: .topic, id: topic.id, title: topic.title, note: topic.note))
            topicNumbers.append(topicCount)
            for id in topic.resourceIDs where seen.insert(id).inserted {
                guard let resource = tree.resources[id] else { continue }
                items.append(Item(kind: .resource, id: id, title: resource.title, description: resource.description,
                                  url: resource.url ?? ""))
                topicNumbers.append(topicCount)
            }
            topicCount += 1
            topic.children.forEach(visit)
        }
        tree.roots.forEach(visit)
        var cache = SearchFolding.Cache()
        var titleBytes = 0
        var bodyBytes = 0
        for item in items {
            titleBytes += item.title.utf8.count + 1
            bodyBytes += item.description.utf8.count + item.url.utf8.count + item.note.utf8.count + 3
        }
        var titles = FoldedTexts(capacity: titleBytes)
        var bodies = FoldedTexts(capacity: bodyBytes)
        var position: [String: Int] = [:]
        position.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            position[item.id] = position[item.id] ?? index
            titles.add(item.title, item: index, field: .title, cache: &cache)
            for field in [SearchField.description, .url, .note] {
                bodies.add(item.text(of: field), item: index, field: field, cache: &cache)
            }
        }
        titles.finish(itemCount: items.count)
        bodies.finish(itemCount: items.count)
        self.items = items
        resources = tree.resources
        self.topicNumbers = topicNumbers
        self.position = position
        self.titles = titles
        self.bodies = bodies
        folds = cache
    }

    /// For each hit of a list this index made, in order, the depth-first number of the topic it
    /// shows at (the topic itself, or the first topic that lists a resource), numbering topics in
    /// a preorder walk of the tree's roots from 0 as `TopicIndex` does, without making the hit
    /// (-1 for one outside the tree); one pass, not a call per hit, as a letter typed on a big
    /// folder finds 100,000. Nil for a list this index did not make.
    public func topicNumbers(of hits: SearchHits) -> [Int]? {
        guard hits.source == ObjectIdentifier(identity) else { return nil }
        return topicNumbers.withUnsafeBufferPointer { numbers in
            hits.entries.map { numbers.indices.contains(Int($0.item)) ? Int(numbers[Int($0.item)]) : -1 }
        }
    }

    /// Hits in curriculum order (depth-first, topics before their resources), each item once.
    /// A query with a `problem`, or an empty one, finds nothing.
    ///
    /// `previous`: what this index found for an earlier query with the same progress. When the
    /// new query only narrows it (see `SearchQuery.narrows`), as typing a word on does, only
    /// those hits' items are looked at: the result is the same, found in far fewer texts.
    public func hits(for query: SearchQuery, progress: LearnerProgress,
                     previous: (query: SearchQuery, hits: [SearchHit])? = nil) -> [SearchHit] {
        let among = previous.map { ($0.query, $0.hits.map(\.item).filter { items.indices.contains($0) }) }
        return Array(matches(for: query, progress: progress, among: among))
    }

    /// The same hits as `hits(for:progress:previous:)`, compact (each made when read): what the
    /// dashboard asks on every key of its search line. `previous` narrows only when this index made it.
    public func matches(for query: SearchQuery, progress: LearnerProgress,
                        previous: (query: SearchQuery, hits: SearchHits)? = nil) -> SearchHits {
        let among = previous.flatMap { $0.hits.source == ObjectIdentifier(identity) ? ($0.query, $0.hits.itemNumbers) : nil }
        return matches(for: query, progress: progress, among: among)
    }

    private func matches(for query: SearchQuery, progress: LearnerProgress,
                         among previous: (query: SearchQuery, items: [Int])?) -> SearchHits {
        guard query.problem == nil, !query.isEmpty else { return SearchHits() }
        var among: [Int]?
        if let previous, query.narrows(previous.query) {
            among = previous.items
        }
        var matches = Matches(itemCount: items.count)
        let terms = query.foldedTerms
        if !query.titlesOnly && !terms.isEmpty {
            // First, so that narrowing below keeps an item whose word is only in its annotation.
            var cache = folds
            for (id, annotation) in progress.annotations {
                guard let item = position[id], let text = annotation.text else { continue }
                var folded: [UInt8] = []
                SearchFolding.append(text, to: &folded, cache: &cache)
                for (bit, term) in terms.enumerated() {
                    guard let offset = Self.firstOffset(of: term, in: folded) else { continue }
                    matches.mark(item, UInt64(1) << UInt64(bit), .annotation, offset: offset, keepsOffsets: false)
                }
            }
        }
        // Longest first: it usually leaves fewest items, and the next words look only in those.
        var required: UInt64 = 0
        // Only the earlier hits can match: every item is looked at one by one either way, so
        // passing over the others is all gain however many are left.
        var candidates = among
        let order = terms.indices.sorted(by: { terms[$0].count > terms[$1].count })
        for bit in order {
            let mask = UInt64(1) << UInt64(bit)
            let term = terms[bit]
            for texts in query.titlesOnly ? [titles] : [titles, bodies] {
                matches.mark(term, mask, in: texts, among: candidates)
            }
            required |= mask
            // After the last word, the pass below picks the hits.
            guard bit != order.last else { break }
            let left = (among ?? Array(items.indices)).filter { matches.masks[$0] & required == required }
            among = left
            candidates = left
        }
        let all = query.foldedTerms.count == SearchQuery.maximumTerms ? UInt64.max : (UInt64(1) << UInt64(query.foldedTerms.count)) - 1
        var entries: [SearchHits.Entry] = []
        var annotations: [Int32: String] = [:]
        let found = (among ?? Array(items.indices)).filter { matches.masks[$0] == all }
        entries.reserveCapacity(found.count)
        let filters = !query.statuses.isEmpty || query.requiresAnnotation
        for index in found where !filters || passesFilters(index, query, progress) {
            let number = Int32(truncatingIfNeeded: index)
            guard let best = matches.best[index] else {
                entries.append(.init(item: number, offset: 0, field: .title, keepsOffsets: true, byFilters: true))
                continue
            }
            if best.field == .annotation { annotations[number] = progress.annotation(of: items[index].id)?.text ?? "" }
            entries.append(.init(item: number, offset: best.offset, field: best.field, keepsOffsets: best.keepsOffsets,
                                 byFilters: false))
        }
        return SearchHits(items: items, entries: entries, annotations: annotations, source: ObjectIdentifier(identity))
    }

    /// The same hits ranked for the CLI: title matches, then description matches, then URL, prose
    /// and annotation matches; curriculum order within each.
    public func ranked(for query: SearchQuery, progress: LearnerProgress) -> [SearchHit] {
        hits(for: query, progress: progress).enumerated()
            .sorted { ($0.element.field.rankTier, $0.offset) < ($1.element.field.rankTier, $1.offset) }
            .map(\.element)
    }

    private func passesFilters(_ index: Int, _ query: SearchQuery, _ progress: LearnerProgress) -> Bool {
        if !query.statuses.isEmpty {
            guard items[index].kind == .resource, let resource = resources[items[index].id],
                  query.statuses.contains(progress.status(of: resource)) else { return false }
        }
        if query.requiresAnnotation {
            guard let text = progress.annotation(of: items[index].id)?.text, !text.isEmpty else { return false }
        }
        return true
    }

    /// The first offset at or after `from` where `term` occurs in `bytes`.
    static func firstOffset(of term: [UInt8], in bytes: [UInt8], from: Int = 0) -> Int? {
        guard !term.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { hay in
            term.withUnsafeBufferPointer { needle in
                guard let hayBase = hay.baseAddress, let needleBase = needle.baseAddress else { return nil }
                return FoldedTexts.find(needleBase, needle.count, anchor: FoldedTexts.anchor(of: needle), in: hayBase,
                                        hay.count, from: from)
            }
        }
    }
}

/// What one query found per item: which terms matched, and the best field with where in it.
private struct Matches {
    struct Best {
        var field: SearchField
        /// Where in the field's folded text the match starts.
        var offset: Int32
        /// The offset is also the match's UTF-8 offset in the text (ASCII text).
        var keepsOffsets: Bool
    }

    var masks: [UInt64]
    var best: [Best?]

    init(itemCount: Int) {
        masks = Array(repeating: 0, count: itemCount)
        best = Array(repeating: nil, count: itemCount)
    }

    mutating func mark(_ item: Int, _ mask: UInt64, _ field: SearchField, offset: Int, keepsOffsets: Bool) {
        masks[item] |= mask
        guard Self.improves(best[item], field) else { return }
        best[item] = Best(field: field, offset: Int32(clamping: offset), keepsOffsets: keepsOffsets)
    }

    /// Whether a match in `field` becomes the item's best over `current`: a better field wins,
    /// and within one field the first match found stays.
    @inline(__always)
    static func improves(_ current: Best?, _ field: SearchField) -> Bool {
        guard let current else { return true }
        return field.order < current.field.order
    }

    /// Marks every item whose text in `texts` holds `term` (of `items` only, when given). A text
    /// whose mark would change nothing is not read: its item has the term already, in a field at
    /// least as good (a title holding a letter spares reading the item's note for it).
    mutating func mark(_ term: [UInt8], _ mask: UInt64, in texts: FoldedTexts, among items: [Int]?) {
        // Through pointers: the arrays are this struct's own, and a mark per hit of a letter on a
        // big folder paid for a uniqueness check of each.
        masks.withUnsafeMutableBufferPointer { masks in
            best.withUnsafeMutableBufferPointer { best in
                texts.forEachItem(of: items, containing: term, skipping: { segment in
                    masks[segment.item] & mask != 0 && !Self.improves(best[segment.item], segment.field)
                }, { segment, offset in
                    masks[segment.item] |= mask
                    guard Self.improves(best[segment.item], segment.field) else { return }
                    best[segment.item] = Best(field: segment.field, offset: Int32(clamping: offset),
                                              keepsOffsets: segment.keepsOffsets)
                })
            }
        }
    }
}
