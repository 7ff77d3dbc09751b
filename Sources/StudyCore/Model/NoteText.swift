/// A topic's note (or a resource's description) as the tree keeps it: either the text itself,
/// or where to read it when it is shown.
///
/// A big notes folder holds tens of megabytes of prose, and a session reads the notes of a few
/// topics: keeping every note as a string made the start slow and the process large. A note
/// read from the parse cache is therefore kept as a place in a `NoteStore` (the cache file, held
/// open) and read on demand; its blankness is known without reading it, since `Topic.isEmpty`
/// asks every topic.
public struct NoteText: Sendable {
    /// The text, or where it is: a topic is copied into several indexes, so a place is one
    /// reference and a note costs a string's 16 bytes either way.
    private enum Storage: Sendable {
        case held(String)
        case stored(Place)
    }

    private var storage: Storage

    /// A place in a store: `length` UTF-8 bytes at `offset`, with a checksum of them.
    public final class Place: Sendable {
        public let store: any NoteStore
        public let offset: Int
        public let length: Int
        public let checksum: UInt64

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
        storage = .held(text)
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
        storage = .stored(place)
        self.isBlank = isBlank
    }

    /// The Markdown (read from its store, each time, when it is kept there).
    public var string: String {
        switch storage {
        case .held(let text): text
        case .stored(let place): place.store.note(at: place.offset, length: place.length, checksum: place.checksum)
        }
    }

    /// The text's length in UTF-8 bytes, known without reading a stored note.
    public var byteCount: Int {
        switch storage {
        case .held(let text): text.utf8.count
        case .stored(let place): place.length
        }
    }

    /// Whether the text is held here rather than read on demand.
    public var isHeld: Bool {
        if case .held = storage { true } else { false }
    }
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
        if case .stored(let left) = lhs.storage, case .stored(let right) = rhs.storage, left === right { return true }
        return lhs.string == rhs.string
    }

    /// Equal texts have equal lengths and blankness: hashed without reading a stored note.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(isBlank)
        hasher.combine(byteCount)
    }
}
