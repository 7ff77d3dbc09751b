import StudyCore
import StudyText
import TermGrid

/// The selected topic: its title and bar, the start of its rendered note, then its resources,
/// each with a status mark and the first line of the learner's annotation.
enum DetailPane {
    /// Lines above the resource list: title, bar, blank, note preview, blank, list heading.
    struct Geometry {
        var noteLines: [StyledLine]
        var truncated: Bool
        var listTop: Int
        var listHeight: Int
    }

    /// Title, bar, the topic's own annotation when it has one, where a search matched it when
    /// not in its title, and a blank line.
    static func headerLines(_ state: AppState, node: Int) -> Int {
        let id = state.index.nodes[node].topic.id
        return 3 + (state.progress.annotation(of: id)?.text == nil ? 0 : 1) + (snippetLine(of: id, state: state) == nil ? 0 : 1)
    }

    /// What a search matched in a topic or resource outside its title (a note's sentence, a URL,
    /// an annotation's line), shown as a line of its own.
    static func snippet(of id: String, state: AppState) -> SearchHit? {
        guard let hit = state.searchHit(of: id), hit.field != .title else { return nil }
        return hit
    }

    /// A match in an annotation is shown in place of the annotation's first line; one in any
    /// other field but the title gets a line of its own: this one.
    static func snippetLine(of id: String, state: AppState) -> SearchHit? {
        guard let hit = snippet(of: id, state: state), hit.field != .annotation else { return nil }
        return hit
    }

    static func geometry(_ state: AppState, rect: Rect) -> Geometry {
        guard let node = state.selectedNode, rect.width > 0, rect.height > 0 else {
            return Geometry(noteLines: [], truncated: false, listTop: 0, listHeight: 0)
        }
        let resources = state.selectedResources
        let note = state.model.note(of: node, width: max(8, rect.width - 1)).lines
        let headerLines = headerLines(state, node: node)
        let room = rect.height - headerLines - (resources.isEmpty ? 0 : 2)
        // Without resources the note gets all the room. With them, the list keeps the rows it
        // needs and the note gets the rest, but never less than two fifths of the room (or three
        // lines); a note cut short says so, and Enter reads all of it.
        // Counted only as far as the room, as a topic high in a big tree lists thousands.
        var listNeeds = 0
        for resource in resources {
            guard listNeeds <= room else { break }
            listNeeds += rowHeight(resource, state: state)
        }
        let budget = max(0, resources.isEmpty ? room : min(room, max(3, room * 2 / 5, room - listNeeds - 1)))
        let truncated = note.count > budget
        let shown = Array(note.prefix(truncated ? max(0, budget - 1) : budget))
        let noteBlock = shown.count + (truncated ? 1 : 0)
        let listTop = headerLines + noteBlock + (noteBlock > 0 ? 1 : 0) + (resources.isEmpty ? 0 : 1)
        return Geometry(noteLines: shown, truncated: truncated, listTop: listTop,
                        listHeight: max(0, rect.height - listTop))
    }

    static func listViewport(_ state: AppState, rect: Rect) -> Int { geometry(state, rect: rect).listHeight }

    static func rowHeight(_ resource: Resource, state: AppState) -> Int {
        1 + (state.progress.annotation(of: resource.id)?.text == nil ? 0 : 1) + (snippetLine(of: resource.id, state: state) == nil ? 0 : 1)
    }

    /// Everything the pane's cells depend on, but the selection highlight.
    struct PaneKey: Hashable {
        var node: Int
        var width: Int
        var height: Int
        var scroll: Int
        var progressGeneration: Int
        /// The search whose matches the pane highlights ("" for none).
        var search: String
    }

    /// The pane's cells but the selection highlight (drawn once, then cached), with the layout and
    /// scroll they were drawn for.
    private static func piece(_ state: AppState, node: Int, resources: ResourceList, rect: Rect)
        -> (cells: Grid, layout: Geometry, scroll: Int) {
        let layout = geometry(state, rect: rect)
        let scroll = Scroll.keep(cursor: state.detailCursor, scroll: state.detailScroll, count: resources.count,
                                 viewport: layout.listHeight) { rowHeight(resources[$0], state: state) }
        let key = PaneKey(node: node, width: rect.width, height: rect.height, scroll: scroll,
                          progressGeneration: state.progressGeneration, search: state.highlighted?.text ?? "")
        let cells = state.model.caches.detailPanes.piece(key, width: rect.width, height: rect.height) { pane in
            drawContent(state, node: node, resources: resources, layout: layout, scroll: scroll, into: &pane,
                        rect: Rect(x: 0, y: 0, width: rect.width, height: rect.height))
        }
        return (cells, layout, scroll)
    }

    /// Draws (and caches) the pane `state` would show in a rect of this size, putting it nowhere:
    /// for `Dashboard.prepareNeighbours`.
    static func prepare(_ state: AppState, size rect: Rect) {
        guard let node = state.selectedNode, rect.width > 0, rect.height > 0 else { return }
        _ = piece(state, node: node, resources: state.selectedResources, rect: rect)
    }

    static func draw(_ state: AppState, into grid: inout Grid, rect: Rect) {
        guard let node = state.selectedNode, rect.width > 0, rect.height > 0 else { return }
        let resources = state.selectedResources
        let (cells, layout, scroll) = piece(state, node: node, resources: resources, rect: rect)
        grid.blit(cells, x: rect.x, y: rect.y)
        guard !resources.isEmpty, state.detailCursor >= scroll, layout.listHeight > 0 else { return }
        var y = rect.y + layout.listTop
        for index in scroll..<state.detailCursor { y += rowHeight(resources[index], state: state) }
        if y < rect.y + rect.height {
            grid.highlight(x: rect.x, y: y, width: rect.width,
                           adding: state.focus == .detail && state.overlay == nil ? .reverse : .underline)
        }
    }

    /// `  2 learning · 1 skipped · ~3h left` beside the bar; empty when there is nothing to add.
    static func extras(_ tally: Tally, left: String?) -> String {
        let extra = [tally.learning > 0 ? "\(tally.learning) learning" : nil,
                     tally.skipped > 0 ? "\(tally.skipped) skipped" : nil, left].compactMap { $0 }
        return extra.isEmpty ? "" : "  " + extra.joined(separator: " · ")
    }

    static func drawContent(_ state: AppState, node: Int, resources: ResourceList, layout: Geometry, scroll: Int,
                            into grid: inout Grid, rect: Rect) {
        let entry = state.index.nodes[node]
        let tally = state.tally(of: node)
        let search = state.highlighted?.query
        MatchHighlight.put(entry.topic.title, query: search, into: &grid, x: rect.x, y: rect.y,
                           style: CellStyle(.bold, role: .heading), limit: rect.width)
        if rect.height > 1 {
            var x = rect.x
            if tally.total > 0 {
                // The pane's one bar starts at its left edge: nothing beside it to line up with.
                x += Drawing.progress(tally, into: &grid, x: x, y: rect.y + 1, barWidth: min(20, rect.width / 4))
                // The time left says how much of it is estimated where there is room, else marks it `+`.
                let room = rect.x + rect.width - x
                var text = extras(tally, left: EffortFormat.left(tally))
                if DisplayWidth.of(text) > room { text = extras(tally, left: EffortFormat.marked(tally).map { $0 + " left" }) }
                grid.put(text, x: x, y: rect.y + 1, style: .muted, limit: room)
            } else {
                grid.put("no resources to track here", x: x, y: rect.y + 1, style: .muted, limit: rect.width)
            }
        }
        var y = rect.y + 2
        let hit = snippet(of: entry.topic.id, state: state)
        if let annotation = state.progress.annotation(of: entry.topic.id), annotation.text != nil, rect.height > 2 {
            drawAnnotationLine(annotationLine(annotation, hit: hit), indent: "", search: search,
                               into: &grid, x: rect.x, y: y, width: rect.width)
            y += 1
        }
        if let hit, hit.field != .annotation, y < rect.y + rect.height {
            drawSnippet(hit, indent: "", search: search, into: &grid, x: rect.x, y: y, width: rect.width)
        }
        y = rect.y + headerLines(state, node: node)
        for line in layout.noteLines where y < rect.y + rect.height {
            Drawing.put(line, into: &grid, x: rect.x, y: y, width: rect.width)
            y += 1
        }
        if layout.truncated && y < rect.y + rect.height {
            grid.put("… Enter reads the whole note", x: rect.x, y: y, style: .muted, limit: rect.width)
            y += 1
        }
        guard !resources.isEmpty else { return }
        if !layout.noteLines.isEmpty || layout.truncated { y += 1 }
        if y < rect.y + rect.height {
            // The topic's tally counts the same resources, each once: no walk of a big list.
            let done = state.tally(of: node).done
            grid.put("Resources  \(done)/\(resources.count) done", x: rect.x, y: y, style: .bold, limit: rect.width)
        }
        drawList(resources, scroll: scroll, state: state, into: &grid,
                 rect: Rect(x: rect.x, y: rect.y + layout.listTop, width: rect.width, height: layout.listHeight))
    }

    static func drawList(_ resources: ResourceList, scroll: Int, state: AppState, into grid: inout Grid, rect: Rect) {
        guard rect.height > 0 else { return }
        let search = state.highlighted?.query
        var y = rect.y
        for index in scroll..<resources.count where y < rect.y + rect.height {
            let resource = resources[index]
            let status = state.status(of: resource)
            var x = rect.x + grid.put(status.mark + " ", x: rect.x, y: y, style: Drawing.markStyle(status), limit: rect.width)
            let titleStyle: CellStyle = status == .skipped ? .dim : .plain
            x += MatchHighlight.put(resource.title, query: search, into: &grid, x: x, y: y, style: titleStyle,
                                    limit: rect.x + rect.width - x)
            if !resource.description.isEmpty && x < rect.x + rect.width - 4 {
                x += grid.put(" — ", x: x, y: y, style: .muted, limit: rect.x + rect.width - x)
                MatchHighlight.put(resource.description, query: search, into: &grid, x: x, y: y, style: .muted,
                                   limit: rect.x + rect.width - x)
            }
            y += 1
            let hit = snippet(of: resource.id, state: state)
            if let annotation = state.progress.annotation(of: resource.id), annotation.text != nil, y < rect.y + rect.height {
                drawAnnotationLine(annotationLine(annotation, hit: hit), indent: "    ", search: search,
                                   into: &grid, x: rect.x, y: y, width: rect.width)
                y += 1
            }
            if let hit, hit.field != .annotation, y < rect.y + rect.height {
                drawSnippet(hit, indent: "    ", search: search, into: &grid, x: rect.x, y: y, width: rect.width)
                y += 1
            }
        }
    }

    /// The annotation line's text: the line the search matched, when it matched the annotation;
    /// else the annotation's first line.
    static func annotationLine(_ annotation: Annotation, hit: SearchHit?) -> String {
        if let hit, hit.field == .annotation { return hit.snippet }
        return AnnotationText.firstLine(annotation.text)
    }

    static func drawAnnotationLine(_ text: String, indent: String, search: SearchQuery?, into grid: inout Grid,
                                   x: Int, y: Int, width: Int) {
        let used = grid.put(indent + "✎ ", x: x, y: y, style: CellStyle([.dim, .italic]), limit: width)
        MatchHighlight.put(text, query: search, into: &grid, x: x + used, y: y, style: CellStyle([.dim, .italic]),
                           limit: width - used)
    }

    /// `» where the note says kubernetes…`: the matched words in the match style.
    static func drawSnippet(_ hit: SearchHit, indent: String, search: SearchQuery?, into grid: inout Grid,
                            x: Int, y: Int, width: Int) {
        let used = grid.put(indent + "» ", x: x, y: y, style: .dim, limit: width)
        MatchHighlight.put(hit.snippet, query: search, into: &grid, x: x + used, y: y, style: .plain, limit: width - used)
    }
}
