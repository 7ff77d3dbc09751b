/// A resource is something to study: a link found in the notes (or a task item without one).
/// The same resource may be listed under several topics; `occurrences` says where.
public struct Resource: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The link as written in the notes (not normalised), or nil for a task item without a link.
    public var url: String?
    /// The text after the link, held, or read on demand from the parse cache (see `NoteText`):
    /// a big folder's descriptions run to twenty megabytes, and a session shows a few.
    public var descriptionText: NoteText
    public var description: String {
        get { descriptionText.string }
        set { descriptionText = NoteText(newValue) }
    }
    /// `[x]` → true, `[ ]` → false, no checkbox → nil. (Beside the text's one-byte flag: the
    /// table of a hundred thousand resources is 8 bytes a slot smaller.)
    public var checkbox: Bool?
    /// The first place the resource was found.
    public var source: SourceLocation
    /// Every place it is listed, in load order (the first equals `source`).
    public var occurrences: [SourceLocation] {
        get { otherOccurrences ?? [source] }
        set { otherOccurrences = newValue.count == 1 && newValue[0] == source ? nil : newValue }
    }
    /// The occurrences, or nil for the usual `[source]`: nine resources in ten are listed once,
    /// and a one-place array each was 90,000 allocations (5 MB) on a big folder.
    private var otherOccurrences: [SourceLocation]?
    /// How many places list it, without making the list.
    public var occurrenceCount: Int { otherOccurrences?.count ?? 1 }
    /// Adds a place that lists it, in the list's own storage: appending through `occurrences`
    /// copies the whole list each time, quadratic for a link a long note repeats (the 3.2 MB
    /// note lists some links 200 times).
    public mutating func addOccurrence(_ location: SourceLocation) {
        if otherOccurrences == nil {
            otherOccurrences = [source, location]
        } else {
            otherOccurrences?.append(location)
        }
    }
    /// The effort estimate in minutes, from the resource's line (`(45 min)`) or its file's front
    /// matter `effort:`; nil when the notes give none.
    public var effortMinutes: Int?

    public init(id: String, title: String, url: String?, description: String, source: SourceLocation,
                checkbox: Bool?, occurrences: [SourceLocation]? = nil, effortMinutes: Int? = nil) {
        self.init(id: id, title: title, url: url, descriptionText: NoteText(description), source: source,
                  checkbox: checkbox, occurrences: occurrences, effortMinutes: effortMinutes)
    }

    /// The description as the tree keeps it (held, or a place in the parse cache).
    public init(id: String, title: String, url: String?, descriptionText: NoteText, source: SourceLocation,
                checkbox: Bool?, occurrences: [SourceLocation]? = nil, effortMinutes: Int? = nil) {
        self.id = id
        self.title = title
        self.url = url
        self.descriptionText = descriptionText
        self.checkbox = checkbox
        self.source = source
        // Listed once unless told otherwise, without making the one-place list. Set as the
        // stored property, not through `occurrences`: its setter made the loader copy and free
        // each new resource once more (32 M instructions on a 90,000-link folder).
        otherOccurrences = occurrences.flatMap { $0.count == 1 && $0[0] == source ? nil : $0 }
        self.effortMinutes = effortMinutes
    }
}
