import StudyCore
import TermGrid

/// The reader's keys: its bindings table, and what they do. In a whole file a cursor line moves
/// over the document (`j`/`k`, pages, sections with `J`/`K`, `]`/`[` to what is left to study)
/// and marks, annotations and links act on what is under it, never on the browser's hidden
/// cursor; a resource's reader scrolls and acts on its resource.
enum ReaderReducer {
    static let keys = KeyTable(title: "Reader", bindings: [
        Binding([.character("j"), .down], .move(1), "move the cursor line"),
        Binding([.character("k"), .up], .move(-1), "move the cursor line"),
        Binding([.pageDown, .character("f"), .control("f")], .page(1), "page down"),
        Binding([.pageUp, .character("b"), .control("b")], .page(-1), "page up"),
        Binding([.control("d")], .halfPage(1), "half page down / up"),
        Binding([.control("u")], .halfPage(-1), "half page down / up"),
        Binding([.character("g"), .home], .first, "top / bottom"),
        Binding([.character("G"), .end], .last, "top / bottom"),
        Binding([.character("J")], .section(1), "next / previous section"),
        Binding([.character("K")], .section(-1), "next / previous section"),
        Binding([.character("t")], .contents, "table of contents"),
        Binding([.enter], .open, "read the file or folder listed under the cursor"),
        Binding([.character("/")], .findInDocument, "search the document, next / previous match"),
        Binding([.character("n")], .nextInDocument(1), "search the document, next / previous match"),
        Binding([.character("N")], .nextInDocument(-1), "search the document, next / previous match"),
        Binding([.character("]")], .unfinished(1), "next / previous unfinished resource"),
        Binding([.character("[")], .unfinished(-1), "next / previous unfinished resource"),
    ] + Binding.noteLinks("open link N / the resource's link, copy it") + [
        Binding([.character("o")], .openLink, "open link N / the resource's link, copy it"),
        Binding([.character("y")], .copyLink, "open link N / the resource's link, copy it"),
        Binding([.character(":")], .typeLinkNumber, "open link N / the resource's link, copy it", notes: Binding.linkNumberNotes),
        Binding([.character("d")], .mark(.done), "mark what is under the cursor line"),
        Binding([.character("l")], .mark(.learning), "mark what is under the cursor line"),
        Binding([.character("s")], .mark(.skipped), "mark what is under the cursor line"),
        Binding([.character("r")], .mark(.todo), "mark what is under the cursor line"),
        Binding([.character(" ")], .toggleDone, "mark what is under the cursor line",
                notes: ["  (a resource line: it; a heading or note: its section)"]),
        Binding([.character("a")], .annotate, "annotate it (in place / $EDITOR), undo"),
        Binding([.character("e")], .editExternally, "annotate it (in place / $EDITOR), undo"),
        Binding([.character("u")], .undo, "annotate it (in place / $EDITOR), undo"),
        Binding([.character("v")], .revisit, "mark its topic revisited (when due)"),
        Binding([.character("D")], .dashboard, "the dashboard view (q comes back here)"),
        Binding([.character("R")], .reload, "reload the notes from disk / redraw the screen"),
        Binding([.control("l")], .redraw, "reload the notes from disk / redraw the screen"),
        Binding([.character("?"), .function(1)], .help, "this help"),
        Binding([.backspace, .character("h"), .left], .historyBack, "back to the note a link came from, else the browser"),
        Binding([.character("q"), .escape], .back, "back to the browser"),
    ])

    /// The reader of `node`'s file, opened with the cursor line on `node`'s heading at the top.
    static func reader(at node: Int, state: AppState) -> AppState.Reader {
        var reader = AppState.Reader(subject: .topic(ReaderDocument.root(of: node, in: state.index)))
        let document = ReaderView.document(reader, state: state)
        reader.cursor = document.line(ofSection: node) ?? 0
        reader.scroll = reader.cursor
        settle(&reader, state: state)
        return reader
    }

    /// Keeps the cursor line in the document and on screen, and the scroll short of the end.
    static func settle(_ reader: inout AppState.Reader, state: AppState) {
        let page = ReaderView.page(height: state.height)
        let count = ReaderView.lineCount(reader, state: state, reaching: reach(cursor: reader.cursor, scroll: reader.scroll, page: page))
        reader.scroll = min(max(0, reader.scroll), max(0, count - page))
        guard reader.hasCursor else { return }
        reader.cursor = min(max(0, reader.cursor), max(0, count - 1))
        reader.scroll = Scroll.keep(cursor: reader.cursor, scroll: reader.scroll, count: count, viewport: page)
    }

    /// How many lines the document must have laid out (when it has them) for the cursor line at
    /// `cursor` and the view at `scroll` to be kept in it and on screen exactly as with the
    /// whole document: a page past both, so that no limit of the end is near.
    static func reach(cursor: Int, scroll: Int, page: Int) -> Int {
        ReaderDocument.reach(max(ReaderDocument.reach(cursor, plus: 1), ReaderDocument.reach(scroll, plus: page)), plus: page + 2)
    }

    /// The cursor line in terms a new layout keeps: the resource or file under it, else its
    /// section and how many lines into the section it is; and its row on screen.
    struct LineAnchor {
        var place: ReaderDocument.Place
        var offset: Int
        var row: Int
    }

    static func anchor(_ reader: AppState.Reader, state: AppState) -> LineAnchor? {
        let document = ReaderView.document(reader, state: state)
        guard reader.hasCursor, let place = document.place(at: reader.cursor) else { return nil }
        let start = place.section.flatMap(document.line(ofSection:)) ?? 0
        return LineAnchor(place: place, offset: reader.cursor - start, row: reader.cursor - reader.scroll)
    }

    /// Puts the cursor line back on `anchor` in the document as it is laid out now.
    static func restore(_ anchor: LineAnchor?, in reader: inout AppState.Reader, state: AppState) {
        if let anchor {
            let document = ReaderView.document(reader, state: state)
            let section = anchor.place.section
            switch anchor.place.item {
            case .resource(let id): reader.cursor = document.line(ofResource: id, in: section) ?? reader.cursor
            case .topic: reader.cursor = document.firstLine(from: 0) { $0 == anchor.place } ?? reader.cursor
            case .section:
                if let start = section.flatMap(document.line(ofSection:)) {
                    // No further than the section's last line, which a wider layout brings up.
                    let end = document.firstLine(from: start) { $0.section != section } ?? document.lines.count
                    reader.cursor = min(start + anchor.offset, end - 1)
                }
            }
            reader.scroll = reader.cursor - anchor.row
        }
        settle(&reader, state: state)
    }

    static func handle(_ key: Key, reader: inout AppState.Reader, state: inout AppState) -> [Effect] {
        if reader.search?.typing == true {
            typeSearch(key, reader: &reader, state: &state)
            state.overlay = .reader(reader)
            return []
        }
        guard let action = state.keymap[.reader].action(for: key) else { return [] }
        let page = ReaderView.page(height: state.height)
        var effects: [Effect] = []
        switch action {
        case .move(let delta): move(&reader, by: delta, scrolling: 0, state: state)
        case .page(let pages): move(&reader, by: pages * page, scrolling: pages * page, state: state)
        case .halfPage(let halves): move(&reader, by: halves * max(1, page / 2), scrolling: halves * max(1, page / 2), state: state)
        case .first: move(&reader, by: Int.min / 2, scrolling: Int.min / 2, state: state)
        case .last: move(&reader, by: Int.max / 2, scrolling: Int.max / 2, state: state)
        case .section(let direction): jumpToSection(direction, reader: &reader, state: &state)
        case .contents:
            if openContents(reader, state: &state) { return [] }
        case .unfinished(let direction): jumpToUnfinished(direction, reader: &reader, state: &state)
        case .open: return openListed(reader, state: &state)
        case .findInDocument: startSearch(&reader, state: &state)
        case .nextInDocument(let direction): nextMatch(direction, reader: &reader, state: &state)
        case .back:
            state.overlay = nil
            return []
        case .help:
            state.overlay = .help(scroll: 0, under: reader)
            return []
        case .openNoteLink(let number):
            // Returns at once: following a link to another note opens a reader of its own.
            if case .topic(let node) = reader.subject { return Reducer.openNoteLink(number, state: &state, node: node) }
        case .typeLinkNumber:
            if case .topic(let node) = reader.subject { Reducer.startLinkLine(node: node, state: &state) } else {
                state.say("a resource has no numbered links; o opens its link")
            }
        case .historyBack:
            Reducer.readBack(reader, state: &state)
            return []
        case .openLink, .copyLink: effects = resourceLink(action, reader: reader, state: &state)
        case .mark(let status):
            effects = Reducer.mark(status, targets: Reducer.markTargets(reader, state: state), state: &state)
        case .toggleDone: effects = Reducer.toggleDone(targets: Reducer.markTargets(reader, state: state), state: &state)
        case .undo: effects = [.undo]
        case .revisit: effects = Reducer.revisit(reader, state: &state)
        case .annotate:
            Reducer.startAnnotation(Reducer.annotationTarget(reader, state: state), returnTo: reader, state: &state)
            return []
        case .editExternally: effects = Reducer.editExternally(Reducer.annotationTarget(reader, state: state), state: state)
        case .dashboard: return DashboardViewReducer.open(returnTo: reader, state: &state)
        case .reload: effects = [.reloadNotes]
        case .redraw: effects = [.redraw]
        case .collapse, .expand, .switchPane, .quit, .save, .cancel, .edit, .confirm, .search, .resizeTree: break
        }
        state.overlay = .reader(reader)
        return effects
    }

    /// An idle moment (a tick: no key was waiting): the open reader lays out or searches a
    /// slice further, so that its percentage and search count become exact without a key
    /// paying for it. One slice a tick: a key that comes meanwhile is read before the next.
    static func idle(_ state: inout AppState) {
        ReaderView.idleSlice(state)
    }

    /// The cursor line moves by `delta` and the view by `scrolling` (a page moves both, so the
    /// line keeps its place on screen); a resource's reader, with no cursor, only scrolls.
    static func move(_ reader: inout AppState.Reader, by delta: Int, scrolling: Int, state: AppState) {
        let page = ReaderView.page(height: state.height)
        // Laid out as far as the move goes (to the end for G), so the limits are the document's.
        let cursor = Reducer.clampAdd(reader.cursor, delta, upper: Int.max)
        let scroll = Reducer.clampAdd(reader.scroll, reader.hasCursor ? scrolling : delta, upper: Int.max)
        let count = ReaderView.lineCount(reader, state: state, reaching: reach(cursor: cursor, scroll: scroll, page: page))
        let maxScroll = max(0, count - page)
        guard reader.hasCursor else {
            reader.scroll = Reducer.clampAdd(reader.scroll, delta, upper: maxScroll)
            return
        }
        reader.cursor = Reducer.clampAdd(reader.cursor, delta, upper: max(0, count - 1))
        reader.scroll = Reducer.clampAdd(reader.scroll, scrolling, upper: maxScroll)
        settle(&reader, state: state)
    }

    /// The links of the document, numbered as the reader shows them (`[N]` in the text, across
    /// the whole file; `links[0]` is `[1]`), each with the topic whose note holds it: what
    /// `1`–`9` open.
    static func links(_ reader: AppState.Reader, state: AppState) -> [ReaderDocument.Link] {
        ReaderView.document(reader, state: state).links
    }

    /// `Enter` on a file or folder a folder's reader lists: its own reader, as a followed link
    /// opens one (`Backspace` comes back to the folder).
    static func openListed(_ reader: AppState.Reader, state: inout AppState) -> [Effect] {
        guard case .topic(let node)? = ReaderView.document(reader, state: state).place(at: reader.cursor)?.item else {
            state.say("Enter reads a file or folder that a folder's reader lists")
            return []
        }
        let topic = state.index.nodes[node].topic
        return Reducer.follow(NoteLink(written: topic.title, target: .topic(topic.id)), state: &state)
    }

    /// `o` and `y` use the link of the resource under the cursor line (or the resource's reader's).
    static func resourceLink(_ action: Action, reader: AppState.Reader, state: inout AppState) -> [Effect] {
        guard case .resource(let id)? = ReaderView.document(reader, state: state).place(at: reader.cursor)?.item,
              let resource = state.index.tree.resources[id] else {
            state.say("o and y act on a resource's line; 1–9 open the note's numbered links")
            return []
        }
        guard let url = resource.url else {
            state.say("'\(resource.title)' has no link")
            return []
        }
        guard action == .copyLink else { return Reducer.openChecked(url, state: &state) }
        state.say("copied \(url)")
        return [.copy(url)]
    }
}

extension Reducer {
    /// The links `1`–`9` and `:N` open for topic `node`, as written: in a whole-file reader open
    /// on it, the document's (numbered across the file, each with the section whose note holds
    /// it), else the topic's own note's.
    static func writtenLinks(of node: Int, state: AppState) -> [ReaderDocument.Link] {
        if let reader = state.reader, reader.subject == .topic(node) { return ReaderReducer.links(reader, state: state) }
        return state.model.note(of: node, width: 80).links.map { ReaderDocument.Link(written: $0, node: node) }
    }

    /// Link `number` of those, laying a whole-file reader's document out only as far as it: a
    /// digit typed in a long file need not lay out the rest (nil: there is no such link).
    static func writtenLink(_ number: Int, of node: Int, state: AppState) -> ReaderDocument.Link? {
        if let reader = state.reader, reader.subject == .topic(node) {
            return ReaderView.document(reader, state: state).link(number)
        }
        let links = writtenLinks(of: node, state: state)
        return links.indices.contains(number - 1) ? links[number - 1] : nil
    }
}
