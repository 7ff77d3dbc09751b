/// What one search found, kept compact: per hit, its item's number in the index and where its
/// best match is (12 bytes), the `SearchHit` made only when it is read. A letter typed on a big
/// folder finds 100,000 items and a screen shows a few: a `SearchHit` each, with the reference
/// its quote holds, was half of what a key in the search line cost.
public struct SearchHits: RandomAccessCollection, Sendable {
    struct Entry: Sendable {
        var item: Int32
        /// Where in the field's folded text the match starts.
        var offset: Int32
        var field: SearchField
        /// The offset is also the match's UTF-8 offset in the text (ASCII text).
        var keepsOffsets: Bool
        /// Matched by filters only: the item itself is the match, quoted by its title.
        var byFilters: Bool
    }

    /// The index's items, shared by every hit list it makes.
    let items: [SearchIndex.Item]
    let entries: [Entry]
    /// The annotation text of each hit whose best match is in its annotation, by item number.
    let annotations: [Int32: String]
    /// The index that found these, so that only it narrows a later query to their item numbers.
    let source: ObjectIdentifier?

    /// No hits.
    public init() {
        items = []
        entries = []
        annotations = [:]
        source = nil
    }

    init(items: [SearchIndex.Item], entries: [Entry], annotations: [Int32: String], source: ObjectIdentifier?) {
        self.items = items
        self.entries = entries
        self.annotations = annotations
        self.source = source
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    /// The hit, as `SearchIndex.hits(for:progress:previous:)` gives it.
    public subscript(position: Int) -> SearchHit {
        let entry = entries[position]
        let number = Int(entry.item)
        let item = items[number]
        let quote: SearchSnippet.Quote
        if entry.byFilters {
            quote = .indexed(items: items, item: number, field: .title, offset: 0, keepsOffsets: true)
        } else if entry.field == .annotation {
            quote = .match(text: annotations[entry.item] ?? "", offset: Int(entry.offset), keepsOffsets: false,
                           markdown: false)
        } else {
            quote = .indexed(items: items, item: number, field: entry.field, offset: Int(entry.offset),
                             keepsOffsets: entry.keepsOffsets)
        }
        return SearchHit(kind: item.kind, id: item.id, field: entry.byFilters ? .title : entry.field, quote: quote,
                         item: number)
    }

    /// The ID of hit `position`, without making the hit.
    public func id(at position: Int) -> String { items[Int(entries[position].item)].id }

    /// The hits at the positions `keep` accepts, in order.
    public func keeping(_ keep: (Int) -> Bool) -> SearchHits {
        var annotations = self.annotations
        let kept = entries.indices.filter(keep).map { entries[$0] }
        if !annotations.isEmpty {
            let left = Set(kept.map(\.item))
            annotations = annotations.filter { left.contains($0.key) }
        }
        return SearchHits(items: items, entries: kept, annotations: annotations, source: source)
    }

    /// The item numbers of the hits, in order.
    var itemNumbers: [Int] { entries.map { Int($0.item) } }
}
