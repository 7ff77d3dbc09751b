import StudyText

/// The values the progress store keeps, as the core sees them: per-item state, annotations, the
/// append-only event log and what was last known about each item. No SQL here; the store maps
/// these to tables.

/// The learner's chosen status for an item. A nil status is a cleared one (after an undo back to
/// "never set"): it is kept, with its time, so that a merge knows the clearing is newer.
public struct ItemState: Hashable, Sendable {
    public var itemID: String
    public var status: Status?
    public var updatedAt: Timestamp

    public init(itemID: String, status: Status?, updatedAt: Timestamp) {
        self.itemID = itemID
        self.status = status
        self.updatedAt = updatedAt
    }
}

/// The learner's annotation: their own text on a resource or a topic (a topic's `note` is the
/// author's prose, never this). A nil text is a deleted annotation, kept for merges.
public struct Annotation: Hashable, Sendable {
    public var itemID: String
    public var text: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// The most an annotation may hold, in bytes of UTF-8: far more than anyone types, and small
    /// enough that the dashboard stays quick with it. One number for the store, which enforces
    /// it on every way in, and for the dashboard's editor, which refuses before it asks.
    public static let maximumBytes = 1_048_576

    public init(itemID: String, text: String?, createdAt: Timestamp, updatedAt: Timestamp) {
        self.itemID = itemID
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The first non-blank line, for lists.
    public var firstLine: String {
        guard let text else { return "" }
        return text.split(whereSeparator: \.isNewline)
            .map { String($0).trimmingWhitespace() }
            .first { !$0.isEmpty } ?? ""
    }
}

/// One entry of the append-only log. Every event written by one command shares a `change`, so
/// that `undo` can revert a whole command (a topic marked done is one change of many events).
public struct ProgressEvent: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// old/new: a status name, or nil for "never set".
        case status
        /// A change of an annotation; old/new: its text, or nil for none. Stored and exported as
        /// `note`, the name the first store gave it, so that every database and export reads on.
        case annotation = "note"
        /// The entries of item `old` moved to item `new` (`itemID` is the new ID).
        case relink
        /// The learner revisited a finished topic (`itemID`); old/new are nil. It changes no
        /// state: the revisit ladder is read from these events (see RevisitLadder).
        case revisit
    }

    /// Unique across every database, so that imports unite logs without duplicates.
    public var uid: String
    public var change: String
    public var itemID: String
    public var kind: Kind
    public var old: String?
    public var new: String?
    public var at: Timestamp
    /// Set on the events of an undo: the change they revert.
    public var undoes: String?

    public init(uid: String, change: String, itemID: String, kind: Kind, old: String?, new: String?,
                at: Timestamp, undoes: String? = nil) {
        self.uid = uid
        self.change = change
        self.itemID = itemID
        self.kind = kind
        self.old = old
        self.new = new
        self.at = at
        self.undoes = undoes
    }
}

/// What the notes last said about an item the store mentions, so that an entry whose resource has
/// left the notes (an orphan) still reads as something.
public struct KnownItem: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case resource, topic
    }

    public var id: String
    public var kind: Kind
    public var title: String
    public var url: String?
    /// Titles from the content root down to the topic (for a resource: the topic it is listed in).
    public var topicPath: [String]
    public var seenAt: Timestamp

    public init(id: String, kind: Kind, title: String, url: String?, topicPath: [String], seenAt: Timestamp) {
        self.id = id
        self.kind = kind
        self.title = title
        self.url = url
        self.topicPath = topicPath
        self.seenAt = seenAt
    }
}
