/// A topic's note as the tree keeps it: either the Markdown itself, or where to read it when it
/// is shown.
///
/// A big notes folder holds tens of megabytes of prose, and a session reads the notes of a few
/// topics: keeping every note as a string made the start slow and the process large. A note
/// read from the parse cache is therefore kept as a place in a `NoteStore` (the cache file, held
/// open) and read on demand; its blankness is known without reading it, since `Topic.isEmpty`
/// asks every topic.
public struct NoteText: Sendable {
    private var text: String
    private var place: Place?

    /// A place in a store: `length` UTF-8 bytes at `offset`, with a checksum of them.
    public struct Place: Sendable {
        public var store: any NoteStore
        public var offset: Int
        public var length: Int
        public var checksum: UInt64

        public init(store: any NoteStore, offset: Int, length: Int, checksum: UInt64) {
            self.store = store
            self.offset = offset
            self.length = length
            self.checksum = checksum
        }
    }

    /// True when the note has no text but white space.
    public let isBlank: Bool

    public init(_ text: String) {
        self.text = text
        place = nil
        isBlank = Self.isBlank(text)
    }

    /// `text.allSatisfy(\.isWhitespace)`, by bytes while they are ASCII: notes run to megabytes,
    /// and an ASCII byte other than white space always starts a character that is not blank.
    public static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 9...13, 32: continue
            case 0..<0x80: return false
            default: return text.allSatisfy(\.isWhitespace)
            }
        }
        return true
    }

    /// A note read from `place` when asked; `isBlank` as it was when the note was stored.
    public init(place: Place, isBlank: Bool) {
        text = ""
        self.place = place
        self.isBlank = isBlank
    }

    /// The Markdown (read from its store, each time, when it is kept there).
    public var string: String {
        guard let place else { return text }
        return place.store.note(at: place.offset, length: place.length, checksum: place.checksum)
    }

    /// Whether the text is held here rather than read on demand.
    public var isHeld: Bool { place == nil }
}

/// Where notes kept out of memory are read from (StudyContent's parse cache). Reading never
/// fails the caller: a note that cannot be read back whole comes back as a one-line Markdown
/// paragraph that says so, never as other text.
public protocol NoteStore: AnyObject, Sendable {
    func note(at offset: Int, length: Int, checksum: UInt64) -> String
}

extension NoteText: Hashable {
    public static func == (lhs: NoteText, rhs: NoteText) -> Bool {
        if lhs.isBlank != rhs.isBlank { return false }
        if let left = lhs.place, let right = rhs.place, left.store === right.store,
           left.offset == right.offset, left.length == right.length { return true }
        return lhs.string == rhs.string
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(string)
    }
}
