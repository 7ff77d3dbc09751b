import StudyCore
import StudyText
import TermGrid

/// The full-screen reader: a file read whole (`ReaderDocument`: its headings, notes and
/// resources in order, links numbered across it) under a header with the current section and
/// how far down the cursor line is, or one resource's details with the learner's whole
/// annotation.
public enum ReaderView {
    /// The number of lines of the reader's document (lays it all out).
    static func lineCount(_ reader: AppState.Reader, state: AppState) -> Int {
        document(reader, state: state).lines.count
    }

    /// The number of lines of the reader's document, laid out until there are at least `count`
    /// (`ReaderDocument.lineCount(reaching:)`): what keeps a key near the top from laying out a
    /// long file to its end.
    static func lineCount(_ reader: AppState.Reader, state: AppState, reaching count: Int) -> Int {
        document(reader, state: state).lineCount(reaching: count)
    }

    static func textWidth(_ width: Int) -> Int { max(8, width - 2) }

    static func title(_ reader: AppState.Reader, state: AppState) -> String {
        switch reader.subject {
        case .topic(let node): state.index.nodes[node].topic.title
        case .resource(let id): state.index.tree.resources[id]?.title ?? id
        }
    }

    /// A page of the reader: the body less one row (the whole-file reader's header; a
    /// resource's reader keeps a line of the page before in view).
    static func page(height: Int) -> Int { max(1, Layout(width: 0, height: height).body.height - 1) }

    /// The reader's document at the screen's width.
    static func document(_ reader: AppState.Reader, state: AppState) -> ReaderDocument {
        document(reader, state: state, width: textWidth(state.width))
    }

    /// The reader's document at `width`, made once per subject, width and progress (a key only
    /// moves over it) and laid out as far as it is read: a large file or an annotation of a
    /// megabyte takes a moment to lay out.
    static func document(_ reader: AppState.Reader, state: AppState, width: Int) -> ReaderDocument {
        let key = ContentKey(subject: reader.subject, width: width, progressGeneration: state.progressGeneration)
        return state.model.caches.readerLines.document(key) {
            switch reader.subject {
            case .topic(let node): ReaderDocument.make(root: node, state: state, width: width)
            case .resource(let id): ReaderDocument.resource(id, lines: resourceContent(id, state: state, width: width))
            }
        }
    }

    struct ContentKey: Equatable {
        var subject: AppState.Reader.Subject
        var width: Int
        var progressGeneration: Int
    }

    /// The lines a search has matched so far, in order, and whether that is all of them.
    struct Found: Equatable {
        var lines: [Int]
        /// True once every line of the document has been looked at.
        var complete: Bool
        /// How many lines (from the top) have been looked at.
        var searched: Int

        /// "3 lines", or "3 lines so far" while the rest is still to look at.
        var count: String { Plural.count(lines.count, "line") + (complete ? "" : " so far") }
    }

    /// The lines of the reader's document that its search matches, in order: all of them
    /// (folds the whole document once per document; what a test compares with).
    static func matchingLines(_ reader: AppState.Reader, state: AppState) -> [Int] {
        search(reader, state: state) { _ in false }.lines
    }

    /// The lines the search has matched in the lines looked at so far, looking at none more.
    static func found(_ reader: AppState.Reader, state: AppState) -> Found {
        search(reader, state: state) { _ in true }
    }

    /// The search's matches, the document looked at from the top (folded once per document, a
    /// slice at a time) until `enough` holds of what is found or all of it has been: a key
    /// after `/` looks only as far as the match it goes to, not through a long file's 90,000
    /// lines. The lines found are those a search of the whole document finds above `searched`.
    static func search(_ reader: AppState.Reader, state: AppState, until enough: (Found) -> Bool) -> Found {
        guard let search = reader.search else { return Found(lines: [], complete: true, searched: 0) }
        let document = document(reader, state: state)
        let key = ContentKey(subject: reader.subject, width: textWidth(state.width), progressGeneration: state.progressGeneration)
        // Every word or phrase on the line, not any one of them: each is looked for alone
        // (quoted, so a phrase stays one), as `matchRanges` merges what all of them find.
        let terms = search.query.terms.map { SearchQuery("\"" + $0 + "\"") }
        return state.model.caches.readerLines.search(key, text: search.line.text, document: document, until: enough) {
            terms.isEmpty ? [] : $0.lines(matchingAll: terms, from: $1)
        }
    }

    /// Whether the open reader has work for an idle moment: its document laid out only part
    /// way (the percentage is approximate) or its search not through it yet.
    static func hasIdleWork(_ state: AppState) -> Bool {
        guard let reader = state.reader, case .topic = reader.subject else { return false }
        let key = ContentKey(subject: reader.subject, width: textWidth(state.width), progressGeneration: state.progressGeneration)
        return state.model.caches.readerLines.hasIdleWork(key, searching: reader.search != nil)
    }

    /// One idle moment's work for the open reader: the search looks through a slice more, else
    /// the document is laid out a slice further. Each is short (`DocumentLayout.sliceBudget`,
    /// `LineCache.searchSlice`), and a tick comes only when no key is waiting.
    static func idleSlice(_ state: AppState) {
        guard hasIdleWork(state), let reader = state.reader else { return }
        if reader.search != nil {
            let sofar = found(reader, state: state)
            if !sofar.complete {
                _ = search(reader, state: state) { $0.searched >= sofar.searched + LineCache.searchSlice }
                return
            }
        }
        document(reader, state: state).layOutSlice()
    }

    /// The last laid-out reader only: one is open at a time.
    final class LineCache: @unchecked Sendable {
        private var key: ContentKey?
        private var cached = ReaderDocument()
        private var matchesKey: (ContentKey, String, Int)?
        private var cachedMatches: [Int] = []
        private var foldedKey: ContentKey?
        private var folded = FoldedLines([])

        /// Lines a search looks at per slice before it asks whether it has found enough, and per
        /// idle moment: a few hundred microseconds of layout and folding.
        static let searchSlice = 256
        /// Lines a search looks at before it stops at enough (a few milliseconds): a note of a
        /// few pages is always searched whole, and shows its exact count at once.
        /// (A test sets it lower, to see a search look a slice at a time on a short file.)
        var searchedAtOnce = 2_048

        func search(_ key: ContentKey, text: String, document: ReaderDocument, until enough: (ReaderView.Found) -> Bool,
                    find: (FoldedLines, _ from: Int) -> [Int]) -> ReaderView.Found {
            if foldedKey != key {
                folded = FoldedLines([])
                foldedKey = key
            }
            while true {
                let count = document.lineCount(reaching: ReaderDocument.reach(folded.count, plus: 1))
                let complete = folded.count >= count && document.isComplete
                // The same query on more lines looks only at the lines folded since.
                if let (kept, keptText, searched) = matchesKey, kept == key, keptText == text {
                    if searched < folded.count { cachedMatches += find(folded, searched) }
                } else {
                    cachedMatches = find(folded, 0)
                }
                matchesKey = (key, text, folded.count)
                let found = ReaderView.Found(lines: cachedMatches, complete: complete, searched: folded.count)
                if complete || (folded.count >= searchedAtOnce && enough(found)) { return found }
                // A slice more, read in order: what the layout dropped is laid out again once.
                let end = document.lineCount(reaching: ReaderDocument.reach(folded.count, plus: Self.searchSlice))
                let lines = document.lines
                for line in folded.count..<min(end, ReaderDocument.reach(folded.count, plus: Self.searchSlice)) {
                    folded.append(lines[line].text)
                }
            }
        }

        /// Whether the document of `key` (if it is the one kept) is not laid out to its end, or
        /// a search (`searching`) has not looked through all of it.
        func hasIdleWork(_ key: ContentKey, searching: Bool) -> Bool {
            guard key == self.key else { return false }
            if !cached.isComplete { return true }
            return searching && (foldedKey != key || folded.count < cached.laidOutLines)
        }

        /// How many times a document was laid out, for the test that keys do not lay it out again.
        private(set) var layouts = 0

        func document(_ key: ContentKey, make: () -> ReaderDocument) -> ReaderDocument {
            if key != self.key {
                cached = make()
                self.key = key
                layouts += 1
            }
            return cached
        }
    }

    static func resourceContent(_ id: String, state: AppState, width: Int) -> [StyledLine] {
        guard let resource = state.index.tree.resources[id] else { return [] }
        let status = state.status(of: resource)
        var lines = [StyledLine([StyledSpan(TerminalSafe.escape(state.index.path(ofResource: id).joined(separator: " › ")), .dim)]), StyledLine()]
        lines += StyledWrap.wrap([StyledSpan("Status  ", .dim), StyledSpan(status.mark + " " + status.rawValue, .bold)], width: width)
        if let url = resource.url {
            lines += StyledWrap.wrap([StyledSpan("Link    ", .dim), StyledSpan(TerminalSafe.escape(url), .link)], width: width,
                                     restPrefix: [StyledSpan("        ")])
        }
        if !resource.description.isEmpty {
            lines.append(StyledLine())
            lines += wrapped(resource.description, width: width, style: [])
        }
        lines += [StyledLine(), StyledLine([StyledSpan("Your annotation", [.bold, .heading])])]
        if let text = state.progress.annotation(of: id)?.text {
            lines += wrapped(text, width: width, style: [])
        } else {
            lines.append(StyledLine([StyledSpan("none yet: a writes one here, e in $EDITOR", .dim)]))
        }
        if resource.occurrences.count > 1 {
            lines += [StyledLine(), StyledLine([StyledSpan("Listed \(resource.occurrences.count) times in the notes", .dim)])]
        }
        return lines
    }

    /// Multi-line text (an annotation) wrapped by width, its own line breaks kept; past
    /// `AnnotationLimit.bytes` (an old store's) it is cut, and says so.
    static func wrapped(_ text: String, width: Int, style: TextStyle) -> [StyledLine] {
        let shown = AnnotationText.forReading(text)
        var lines = shown.text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
            StyledWrap.wrap([StyledSpan(TerminalSafe.escape(String(line)), style)], width: width)
        }
        if shown.cut {
            let size = AnnotationLimit.megabytes(text.utf8.count)
            lines += StyledWrap.wrap([StyledSpan("… cut here for display: this annotation is \(size), over the 1 MB limit", .dim)],
                                     width: width)
        }
        return lines
    }

    /// Draws the reader; returns where the terminal's cursor goes while a search is typed.
    @discardableResult
    static func draw(_ reader: AppState.Reader, state: AppState, into grid: inout Grid, rect: Rect) -> (x: Int, y: Int)? {
        guard rect.width > 0, rect.height > 0 else { return nil }
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        let document = document(reader, state: state, width: textWidth(rect.width))
        var top = rect.y
        var caret: (x: Int, y: Int)?
        let query = reader.search.map(\.query)
        if reader.hasCursor {
            if let search = reader.search, search.typing {
                caret = searchLine(search, matches: found(reader, state: state), into: &grid, rect: rect)
            } else {
                header(reader, document: document, state: state, into: &grid, rect: rect)
            }
            top += 1
        }
        let rows = rect.y + rect.height - top
        let lines = document.lines
        // Laid out as far as the screen reaches (the scroll is kept short of the end already).
        let count = document.lineCount(reaching: ReaderDocument.reach(reader.scroll, plus: rows))
        let scroll = min(reader.scroll, max(0, count - rows))
        for row in 0..<rows where scroll + row < count {
            Drawing.put(lines[scroll + row], into: &grid, x: rect.x + 1, y: top + row, width: rect.width - 1)
            if let query { highlight(query, in: lines[scroll + row], into: &grid, x: rect.x + 1, y: top + row, width: rect.width - 1) }
            if reader.hasCursor && scroll + row == reader.cursor {
                grid.highlight(x: rect.x, y: top + row, width: rect.width, adding: .reverse)
            }
        }
        return caret
    }

    /// The search being typed, in the header row, with how many lines it matches.
    static func searchLine(_ search: ReaderSearch, matches: Found, into grid: inout Grid, rect: Rect) -> (x: Int, y: Int)? {
        let count = search.line.text.isEmpty ? "" : " " + matches.count + " "
        let room = max(1, rect.width - 1 - DisplayWidth.of(count))
        let caret = InputLine.draw(search.line, into: &grid, x: rect.x + 1, y: rect.y, width: room)
        grid.put(count, x: rect.x + rect.width - DisplayWidth.of(count), y: rect.y, style: .muted)
        return caret
    }

    /// The search's matches in one drawn line, in the match style.
    static func highlight(_ query: SearchQuery, in line: StyledLine, into grid: inout Grid, x: Int, y: Int, width: Int) {
        let text = line.text
        for range in SearchText.matchRanges(of: query, in: text) {
            let column = DisplayWidth.of(String(text[..<range.lowerBound]))
            guard column < width else { break }
            grid.put(text[range], x: x + column, y: y, style: CellStyle(.bold, role: .match), limit: width - column)
        }
    }

    /// The section the cursor line is in (its path from the top, the section's own title bold)
    /// and how far down the cursor line is.
    static func header(_ reader: AppState.Reader, document: ReaderDocument, state: AppState, into grid: inout Grid, rect: Rect) {
        let section = document.place(at: reader.cursor)?.section ?? document.headings.first?.node
        let path = section.map { state.index.nodes[$0].path } ?? []
        let kept = reader.search.map { search in "/\(search.line.text) · " + Self.found(reader, state: state).count + " ·" }
        let percent = (kept.map { " " + TerminalSafe.escape($0) } ?? "") + " " + position(reader, document: document)
        let room = max(0, rect.width - 1 - DisplayWidth.of(percent))
        let above = StyledSpan(TerminalSafe.escape(path.dropLast().map { $0 + " › " }.joined()), .dim)
        let title = StyledSpan(TerminalSafe.escape(path.last ?? ""), [.bold, .heading])
        let line = StyledLine(DisplayWidth.of(above.text) + DisplayWidth.of(title.text) <= room ? [above, title] : [title])
        Drawing.put(line, into: &grid, x: rect.x + 1, y: rect.y, width: room)
        grid.put(percent, x: rect.x + rect.width - DisplayWidth.of(percent), y: rect.y, style: .muted)
    }

    /// How far down the document the cursor line is, 0 to 100%: `~42%` while it is the
    /// source's share (the layout has not reached the end yet), `42%` once exact.
    static func position(_ reader: AppState.Reader, document: ReaderDocument) -> String {
        let percent = document.percent(at: reader.cursor)
        return (percent.exact ? "" : "~") + "\(percent.value)%"
    }
}
