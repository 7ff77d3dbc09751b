import StudyCore
import TermGrid

/// The search's keys: the search line's table (typing filters the tree at once, `Enter` keeps
/// the filter, `Esc` clears it, `↑`/`↓` walk this session's queries), the kept filter's `Esc`,
/// and what the browser's `/`, `n` and `N` do. The cursor follows the first match as the query
/// is typed; `n`/`N` go through the matches in curriculum order, wrapping.
enum SearchReducer {
    static let keys = KeyTable(title: "Search line (/)", bindings: [
        Binding([.enter], .search(.keep), "keep the filter and browse it (n / N: next / previous match)"),
        Binding([.escape], .search(.clear), "clear the search; back to where the cursor was"),
        Binding([.up], .search(.history(-1)), "earlier / later searches of this session"),
        Binding([.down], .search(.history(1)), "earlier / later searches of this session"),
        Binding([.left, .right, .home, .end, .backspace, .delete], .edit, "edit the query (typing searches as you go)"),
    ])

    /// Over the browser while a search is kept: the browser's keys, and this one.
    static let filterKeys = KeyTable(title: "Filtered tree (after / and Enter)", bindings: [
        Binding([.escape], .search(.clear), "clear the filter; back to where the cursor was before the search"),
    ])

    /// A key in the search line.
    static func handle(_ key: Key, line: inout SearchLine, state: inout AppState) -> [Effect] {
        switch state.keymap[.search].action(for: key) ?? .edit {
        case .search(.keep): keep(line, state: &state)
        case .search(.clear): clear(&state)
        case .search(.history(let step)):
            recall(step, line: &line, state: &state)
            state.overlay = .search(line)
        default:
            let before = line.text
            let edited = line.input
            _ = line.input.handle(key)
            if line.text.count > SearchLine.maximumLength {
                line.input = edited
                state.say("a search is at most \(SearchLine.maximumLength) characters", error: true)
            }
            state.overlay = .search(line)
            if line.text != before { apply(line.text, state: &state) }
        }
        Reducer.settleScroll(&state)
        return []
    }

    /// A paste into the search line: one insert (its line breaks as spaces), held to the
    /// search's length.
    static func paste(_ text: String, line: inout SearchLine, state: inout AppState) -> [Effect] {
        let before = line.text
        if !line.input.paste(text, limit: SearchLine.maximumLength) {
            state.say("a search is at most \(SearchLine.maximumLength) characters", error: true)
        }
        state.overlay = .search(line)
        if line.text != before { apply(line.text, state: &state) }
        Reducer.settleScroll(&state)
        return []
    }

    /// A key of `filterKeys` over the browser while a search is kept.
    static func handleFiltered(_ key: Key, state: inout AppState) -> [Effect] {
        if state.keymap[.filter].action(for: key) == .search(.clear) { clear(&state) }
        Reducer.settleScroll(&state)
        return []
    }

    /// `/`, `n` and `N` in the browser.
    static func browse(_ step: SearchStep, state: inout AppState) {
        switch step {
        case .open:
            // The index is built here, on the first `/`, not at load: this key waits for it once,
            // rather than every start-up or the first letter typed.
            _ = state.model.searchIndex
            // A new line over a kept search starts again from the whole tree as it was before
            // the first (`↑` brings the kept query back); Esc still goes back there.
            apply("", state: &state)
            state.overlay = .search(SearchLine())
        case .match(let direction): move(direction, state: &state)
        case .keep, .clear, .history: break
        }
    }

    /// Matches `text` and shows the result: the filtered tree with the cursor on the first
    /// match, or, for an empty query or one with a problem, the tree as it was before.
    static func apply(_ text: String, state: inout AppState) {
        let before = state.search?.before ?? state.browserPlace
        let search = AppState.Search(text: text, before: before, model: state.model, progress: state.progress,
                                     generation: state.progressGeneration, earlier: state.search)
        state.search = search
        guard search.isFiltering else {
            state.restore(before)
            return
        }
        let (shown, open, rows) = search.shownNodes(in: state.index)
        state.filterTree(shown, expanded: open, rows: rows)
        if !search.hits.isEmpty { go(to: 0, state: &state) }
    }

    /// `Enter`: back to browsing, the filter kept and the query remembered. An empty query
    /// clears; one with a problem stays open, saying what is wrong.
    static func keep(_ line: SearchLine, state: inout AppState) {
        guard let search = state.search, search.isFiltering else {
            if let problem = state.search?.problem {
                state.say(problem, error: true)
                return
            }
            clear(&state)
            return
        }
        remember(line.text, state: &state)
        state.overlay = nil
        state.say("/\(search.text): \(search.summary)" + (search.hits.isEmpty ? "" : " · n / N go through them · Esc clears"))
    }

    /// `Esc`: no filter, and the cursor and open topics where they were before the search.
    static func clear(_ state: inout AppState) {
        if let before = state.search?.before { state.restore(before) }
        state.search = nil
        state.overlay = nil
    }

    /// Keeps `text` as the newest query of the session's history (once).
    static func remember(_ text: String, state: inout AppState) {
        state.searchHistory.removeAll { $0 == text }
        state.searchHistory.append(text)
    }

    /// `↑` (-1) / `↓` (+1): an earlier or later query; `↓` past the newest gives back the typing.
    static func recall(_ step: Int, line: inout SearchLine, state: inout AppState) {
        let history = state.searchHistory
        // Below the newest is only what is being typed.
        if line.recalled == nil && step > 0 { return }
        let shown = line.recalled ?? history.count
        let target = shown + step
        if target < 0 || history.isEmpty {
            state.say(history.isEmpty ? "no earlier searches in this session" : "that is the first search of this session")
            return
        }
        guard target != shown else { return }
        if line.recalled == nil { line.typed = line.text }
        if target >= history.count {
            line.recalled = nil
            line.show(line.typed)
        } else {
            line.recalled = target
            line.show(history[target])
        }
        apply(line.text, state: &state)
    }

    /// `n` / `N`: the next or previous match, wrapping at either end, and saying so.
    static func move(_ direction: Int, state: inout AppState) {
        guard let search = state.search, !search.hits.isEmpty else {
            state.say(state.search == nil ? "no search: / searches the notes" : "no matches for /\(state.search?.text ?? "")")
            return
        }
        let count = search.hits.count
        let next: Int
        var wrapped = false
        if let current = search.current {
            next = (current + (direction > 0 ? 1 : count - 1)) % count
            wrapped = direction > 0 ? next <= current : next >= current
        } else {
            next = direction > 0 ? 0 : count - 1
        }
        go(to: next, state: &state)
        let place = "match \(next + 1) of \(count)"
        state.say(wrapped ? place + (direction > 0 ? ", wrapped to the first" : ", wrapped to the last") : place)
    }

    /// Puts the cursor on hit `number`: a topic selected in the tree, a resource selected in the
    /// list beside the topic that lists it (the focus stays where it is).
    static func go(to number: Int, state: inout AppState) {
        guard var search = state.search, search.hits.indices.contains(number) else { return }
        let hit = search.hits[number]
        state.reveal(search.nodes[number])
        state.detailScroll = 0
        switch hit.kind {
        case .topic:
            state.focus = .tree
            state.detailCursor = 0
        case .resource:
            state.detailCursor = state.selectedResources.firstIndex { $0.id == hit.id } ?? 0
        }
        search.current = number
        state.search = search
    }
}
