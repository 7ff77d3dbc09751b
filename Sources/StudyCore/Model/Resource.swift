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
    /// The first place the resource was found.
    public var source: SourceLocation
    /// `[x]` → true, `[ ]` → false, no checkbox → nil.
    public var checkbox: Bool?
    /// Every place it is listed, in load order (the first equals `source`).
    public var occurrences: [SourceLocation]
    /// The effort estimate in minutes, from the resource's line (`(45 min)`) or its file's front
    /// matter `effort:`; nil when the notes give none.
    public var effortMinutes: Int?

    public init(id: String, title: String, url: String?, description: String, source: SourceLocation,
                checkbox: Bool?, occurrences: [SourceLocation]? = nil, effortMinutes: Int? = nil) {
        self.id = id
        self.title = title
        self.url = url
        descriptionText = NoteText(description)
        self.source = source
        self.checkbox = checkbox
        self.occurrences = occurrences ?? [source]
        self.effortMinutes = effortMinutes
    }
}
