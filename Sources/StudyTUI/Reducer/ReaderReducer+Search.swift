import StudyCore
import TermGrid

/// A search within the reader's document (`/`), typed in the reader's header row: each key moves
/// the cursor line to the first line that matches from where the search began (the matcher is
/// the dashboard's search, `SearchText`: case- and accent-insensitive, every word, "phrases"),
/// `Enter` keeps it for `n` / `N` and the highlights, `Esc` clears it and goes back.
public struct ReaderSearch: Sendable {
    public var line = InputLine(prompt: "/")
    /// True while the query is being typed; false once `Enter` kept it.
    public var typing = true
    /// The cursor line and scroll when `/` was pressed: `Esc` goes back there.
    var origin: (cursor: Int, scroll: Int)

    var query: SearchQuery { SearchQuery(line.text) }
}

extension ReaderReducer {
    static func startSearch(_ reader: inout AppState.Reader, state: inout AppState) {
        guard reader.hasCursor else {
            state.say("a resource's reader has no search; / searches a note's reader")
            return
        }
        reader.search = ReaderSearch(origin: (reader.cursor, reader.scroll))
    }

    /// A key while the query is typed.
    static func typeSearch(_ key: Key, reader: inout AppState.Reader, state: inout AppState) {
        guard var search = reader.search else { return }
        switch key {
        case .escape:
            (reader.cursor, reader.scroll) = search.origin
            reader.search = nil
            return
        case .enter:
            guard !search.query.isEmpty else {
                reader.search = nil
                return
            }
            search.typing = false
            reader.search = search
            if ReaderView.search(reader, state: state, until: { !$0.lines.isEmpty }).lines.isEmpty {
                state.say("no line matches '\(search.line.text)'")
            }
            return
        default:
            let edited = search.line
            guard search.line.handle(key) else { return }
            // The browser's limit: a paste past it would match the whole document again per key.
            if search.line.text.count > SearchLine.maximumLength {
                search.line = edited
                state.say("a search is at most \(SearchLine.maximumLength) characters", error: true)
                return
            }
        }
        follow(search, reader: &reader, state: state)
    }

    /// A paste into the search being typed: one insert, held to the search's length.
    static func pasteSearch(_ text: String, reader: inout AppState.Reader, state: inout AppState) {
        guard var search = reader.search, search.typing else { return }
        if !search.line.paste(text, limit: SearchLine.maximumLength) {
            state.say("a search is at most \(SearchLine.maximumLength) characters", error: true)
        }
        follow(search, reader: &reader, state: state)
    }

    /// The query as it now reads, followed: the cursor line on its first match.
    private static func follow(_ search: ReaderSearch, reader: inout AppState.Reader, state: AppState) {
        reader.search = search
        // As it is typed: the first match from where the search began, else back there.
        // Looked for only as far down as that first match (or through the end, to wrap).
        let origin = search.origin.cursor
        let matches = ReaderView.search(reader, state: state) { $0.lines.last.map { $0 >= origin } ?? false }.lines
        (reader.cursor, reader.scroll) = search.origin
        if let first = matches.first(where: { $0 >= origin }) ?? matches.first {
            reader.cursor = first
            settle(&reader, state: state)
        }
    }

    /// `n` / `N`: the next or previous matching line from the cursor line.
    static func nextMatch(_ direction: Int, reader: inout AppState.Reader, state: inout AppState) {
        guard let search = reader.search, !search.query.isEmpty else {
            state.say("/ searches the document first")
            return
        }
        // Looked for as far as the next match below, or down to the cursor line for one above.
        let cursor = reader.cursor
        let matches = ReaderView.search(reader, state: state) { found in
            direction > 0 ? found.lines.last.map { $0 > cursor } ?? false : found.searched >= cursor
        }.lines
        let found = direction > 0 ? matches.first { $0 > cursor } : matches.last { $0 < cursor }
        guard let found else {
            // Which of the two it is may need more looked at (N near the top), up to the first match.
            let none = matches.isEmpty && ReaderView.search(reader, state: state, until: { !$0.lines.isEmpty }).lines.isEmpty
            state.say(none ? "no line matches '\(search.line.text)'"
                      : direction > 0 ? "no match below this line" : "no match above this line")
            return
        }
        reader.cursor = found
        settle(&reader, state: state)
    }
}
