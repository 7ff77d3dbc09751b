import StudyCore

/// The whole-file reader's jumps: `J` / `K` to the next or previous heading, `t` to the table of
/// contents, and `]` / `[` to the next or previous resource still to study (learning or todo):
/// first in the document, then on into the next (or back into the previous) file in curriculum
/// order, saying so at the end. In a resource's reader `]` / `[` go to that resource's reader.
extension ReaderReducer {
    static func jumpToSection(_ direction: Int, reader: inout AppState.Reader, state: inout AppState) {
        let document = ReaderView.document(reader, state: state)
        let target = direction > 0 ? document.section(after: reader.cursor) : document.section(before: reader.cursor)
        guard let target else {
            state.say(document.headings.isEmpty ? "this reader has no sections"
                      : direction > 0 ? "this is the last section" : "this is the first section")
            return
        }
        show(line: target.line, in: &reader, state: state)
    }

    /// Puts the cursor on `line` with it at the top of the view, as far as the document allows.
    static func show(line: Int, in reader: inout AppState.Reader, state: AppState) {
        reader.cursor = line
        reader.scroll = line
        settle(&reader, state: state)
    }

    /// Opens the table of contents over the reader; false when there is none to show.
    static func openContents(_ reader: AppState.Reader, state: inout AppState) -> Bool {
        let document = ReaderView.document(reader, state: state)
        guard !document.headings.isEmpty else {
            state.say("a resource's reader has no table of contents")
            return false
        }
        let current = document.place(at: reader.cursor)?.section
        let row = document.headings.firstIndex { $0.node == current } ?? 0
        state.overlay = .contents(ContentsPanel(under: reader, cursor: row))
        return true
    }

    static func jumpToUnfinished(_ direction: Int, reader: inout AppState.Reader, state: inout AppState) {
        let document = ReaderView.document(reader, state: state)
        guard reader.hasCursor else {
            jumpFromResource(direction, reader: &reader, state: &state)
            return
        }
        let here = document.place(at: reader.cursor)?.item
        // Past the other lines of the resource under the cursor (a long title wraps).
        func unfinished(_ place: ReaderDocument.Place) -> Bool {
            guard case .resource(let id) = place.item, place.item != here, let resource = state.index.tree.resources[id] else { return false }
            return Reducer.isUnfinished(resource, state: state)
        }
        // Forward, laid out only as far as the next one; back, over what is laid out already.
        let found = direction > 0 ? document.firstLine(from: reader.cursor + 1, where: unfinished)
            : (0..<max(0, reader.cursor)).reversed().first { document.place(at: $0).map(unfinished) ?? false }
        if let found {
            reader.cursor = found
            settle(&reader, state: state)
            return
        }
        // Nothing left in this document: the next (previous) one in the curriculum that has some.
        guard case .topic(let root) = reader.subject else { return }
        let listings = Reducer.curriculumListings(state.index)
        let last = document.lastNode ?? root
        let outside = direction > 0 ? listings.filter { $0.node > last } : Array(listings.filter { $0.node < root }.reversed())
        guard let target = Reducer.firstUnfinished(in: outside, direction: direction, state: &state) else { return }
        reader = ReaderReducer.reader(at: target.node, state: state)
        let next = ReaderView.document(reader, state: state)
        reader.cursor = next.line(ofResource: target.id, in: target.node) ?? reader.cursor
        settle(&reader, state: state)
        select(target.id, in: target.node, state: &state)
        state.say("on to \(ReaderView.title(reader, state: state))")
    }

    /// A resource's reader becomes the reader of the next (previous) unfinished resource.
    private static func jumpFromResource(_ direction: Int, reader: inout AppState.Reader, state: inout AppState) {
        guard case .resource(let id) = reader.subject else { return }
        let listings = Reducer.curriculumListings(state.index)
        guard let at = listings.firstIndex(where: { $0.id == id }) else { return }
        let candidates = direction > 0 ? Array(listings[(at + 1)...]) : listings[..<at].reversed()
        guard let target = Reducer.firstUnfinished(in: candidates, direction: direction, state: &state) else { return }
        reader = AppState.Reader(subject: .resource(target.id))
        select(target.id, in: target.node, state: &state)
    }

    /// The browser behind the reader follows it, so that leaving the reader shows where it was.
    private static func select(_ id: String, in node: Int, state: inout AppState) {
        state.reveal(node)
        state.detailCursor = state.selectedResources.firstIndex { $0.id == id } ?? 0
        state.focus = .detail
        Reducer.settleScroll(&state)
    }
}
