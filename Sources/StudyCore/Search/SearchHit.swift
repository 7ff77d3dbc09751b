/// The texts search looks in, best first: a hit names the best one that matched.
public enum SearchField: String, Sendable, CaseIterable {
    case title, description, url, note, annotation

    /// Where a field ranks for `SearchIndex.ranked`: titles, then descriptions, then the rest
    /// (URL, the notes' prose, annotations) together.
    var rankTier: Int {
        switch self {
        case .title: 0
        case .description: 1
        case .url, .note, .annotation: 2
        }
    }

    /// Order among fields of one item: a hit reports the first of these that matched.
    var order: Int {
        switch self {
        case .title: 0
        case .description: 1
        case .url: 2
        case .note: 3
        case .annotation: 4
        }
    }
}

/// One item that matches a search.
public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable { case topic, resource }

    public var kind: Kind
    /// The topic's or resource's ID.
    public var id: String
    /// The best field that matched (title before description, URL, note, annotation).
    public var field: SearchField
    /// Plain text around the match, one line, at most `SearchSnippet.maximumLength` characters.
    /// Taken from the notes or an annotation, so callers escape it for the terminal.
    ///
    /// Made when read, not when found (a query on a big folder finds tens of thousands of items,
    /// and a view shows a few): cheap for one hit, so read it for the hits you show.
    public var snippet: String {
        get { quote.snippet }
        set { quote = .plain(newValue) }
    }

    var quote: SearchSnippet.Quote
    /// The item's position in the `SearchIndex` that found it (-1: a hit made by hand), so that
    /// the index can place it in the tree and narrow a longer query to it without a String lookup.
    let item: Int

    public init(kind: Kind, id: String, field: SearchField, snippet: String) {
        self.init(kind: kind, id: id, field: field, quote: .plain(snippet), item: -1)
    }

    init(kind: Kind, id: String, field: SearchField, quote: SearchSnippet.Quote, item: Int) {
        self.kind = kind
        self.id = id
        self.field = field
        self.quote = quote
        self.item = item
    }

    public static func == (left: SearchHit, right: SearchHit) -> Bool {
        left.kind == right.kind && left.id == right.id && left.field == right.field && left.snippet == right.snippet
    }
}
