import StudyCore
import StudyText
import TermGrid

/// The title row (the notes' name and overall progress) and the status row (where you are,
/// counts, key hints, or the last message).
enum Bars {
    struct TitleKey: Hashable {
        var label: String
        var width: Int
        var overall: Tally
    }

    static func title(_ state: AppState, into grid: inout Grid) {
        guard grid.height > 0 else { return }
        let name = state.index.nodes.first?.topic.title ?? "StudyDash"
        var label = " StudyDash · " + name
        if let reader = state.reader { label = " " + ReaderView.title(reader, state: state) }
        let key = TitleKey(label: label, width: grid.width, overall: state.rollup.overall)
        let piece = state.model.caches.titleBars.piece(key, width: grid.width, height: 1) { row in
            drawTitle(label, overall: key.overall, into: &row)
        }
        grid.blit(piece, x: 0, y: 0)
    }

    static func drawTitle(_ label: String, overall: Tally, into grid: inout Grid) {
        let barWidth = grid.width >= 100 ? 20 : grid.width >= 70 ? 10 : 0
        let barStatsWidth = Drawing.progressWidth(overall, barWidth: barWidth) + 9
        // What is being learned, beside the bar, when the title keeps its room.
        let learning = overall.learning > 0 ? "\(overall.learning) learning · " : ""
        let withLearning = barStatsWidth + DisplayWidth.of(learning)
        let statsWidth = grid.width - withLearning >= 20 ? withLearning : barStatsWidth
        let showStats = grid.width - statsWidth >= 20
        let titleRoom = grid.width - (showStats ? statsWidth + 1 : 0)
        grid.put(Drawing.clip(label, titleRoom), x: 0, y: 0, style: CellStyle(.bold, role: .heading), limit: titleRoom)
        if showStats {
            var x = grid.width - statsWidth
            if statsWidth > barStatsWidth {
                grid.put(learning, x: x, y: 0, style: .muted)
                x += DisplayWidth.of(learning)
            }
            grid.put("overall ", x: x, y: 0, style: .muted)
            Drawing.progress(overall, into: &grid, x: x + 8, y: 0, barWidth: barWidth)
        }
    }

    struct StatusKey: Hashable {
        var width: Int
        var message: AppState.Notice?
        var crumb: String
        var hints: [String]
    }

    /// Draws the status row; returns where the terminal's cursor goes (the search line's caret).
    @discardableResult
    static func status(_ state: AppState, into grid: inout Grid) -> (x: Int, y: Int)? {
        let y = grid.height - 1
        guard y > 0 else { return nil }
        if case .search(let line) = state.overlay, state.pending == nil {
            return searchLine(line, search: state.search, message: state.message, into: &grid, y: y)
        }
        grid.blit(statusPiece(state, width: grid.width), x: 0, y: y)
        return nil
    }

    /// The status row `state` shows (not the search line), drawn once and then cached.
    static func statusPiece(_ state: AppState, width: Int) -> Grid {
        // A question waiting for y/n takes the row until it is answered.
        let message = state.pending.map { AppState.Notice(text: $0.prompt, isError: false) }
            ?? state.linkEntry?.label.map { AppState.Notice(text: $0, isError: false) } ?? state.message
        let key = StatusKey(width: width, message: message,
                            crumb: message == nil ? " " + breadcrumb(state) : "",
                            hints: message == nil ? hints(state) : [])
        return state.model.caches.statusBars.piece(key, width: width, height: 1) { row in
            drawStatus(key, into: &row)
        }
    }

    /// `/kube▏                12 matches`: the query being typed, and on the right what it
    /// matched or, as an error, why it cannot be matched. What the last key made the line say
    /// (no earlier searches, the longest query) stands there instead, as the line holds the
    /// status row.
    static func searchLine(_ line: SearchLine, search: AppState.Search?, message: AppState.Notice? = nil,
                           into grid: inout Grid, y: Int) -> (x: Int, y: Int)? {
        let summary = message.map { $0.text + " " }
            ?? (line.text.isEmpty ? "Enter keeps · Esc clears · ↑ ↓ earlier searches " : (search?.summary ?? "") + " ")
        let warns = message.map(\.isError) ?? (search?.problem != nil)
        let summaryStyle = CellStyle(.reverse, role: warns ? .warning : .plain)
        // The query keeps at least half the row; the summary gets what is left, clipped.
        let summaryWidth = min(DisplayWidth.of(summary), max(0, grid.width / 2 - 1))
        let lineWidth = grid.width - summaryWidth
        let cursor = InputLine.draw(line.input, into: &grid, x: 0, y: y, width: lineWidth, style: .reverse)
        if summaryWidth > 0 {
            grid.put(Drawing.clip(summary, summaryWidth), x: lineWidth, y: y, style: summaryStyle, limit: summaryWidth)
        }
        return cursor
    }

    private static func drawStatus(_ key: StatusKey, into grid: inout Grid) {
        grid.fill(x: 0, y: 0, width: grid.width, height: 1, style: .reverse)
        if let message = key.message {
            grid.put(" " + message.text, x: 0, y: 0,
                     style: CellStyle(.reverse, role: message.isError ? .warning : .plain), limit: grid.width)
            return
        }
        let room = min(DisplayWidth.of(key.crumb), 24)
        let hint = key.hints.first { grid.width - DisplayWidth.of($0) - 1 >= room } ?? ""
        let hintWidth = DisplayWidth.of(hint)
        let crumbRoom = grid.width - (hintWidth > 0 ? hintWidth + 1 : 0)
        grid.put(Drawing.clip(key.crumb, crumbRoom), x: 0, y: 0, style: .reverse, limit: crumbRoom)
        if hintWidth > 0 { grid.put(hint, x: grid.width - hintWidth, y: 0, style: .reverse) }
    }

    static func breadcrumb(_ state: AppState) -> String {
        // The whole-file reader's header names the section read; the browser's place would be
        // stale here, so the row is left to the reader's keys.
        if case .reader(let reader) = state.overlay, reader.hasCursor { return "" }
        guard let node = state.selectedNode else { return "" }
        if state.focus == .detail, let resource = state.selectedResource {
            // Where the resource is listed, which may be a sub-topic of the one selected.
            return (state.index.path(ofResource: resource.id) + [resource.title]).joined(separator: " › ")
        }
        return state.index.nodes[node].path.joined(separator: " › ")
    }

    /// Key hints from the fullest to the shortest; the status row shows the longest that
    /// leaves the breadcrumb some room.
    static func hints(_ state: AppState) -> [String] {
        // The keys in effect: a rebound key's hint names its new key, an unbound one's is left out.
        func named(_ view: KeyMap.View, _ hints: [String]) -> [String] { hints.map { state.keymap.rekeyed($0, in: view) } }
        let tally = state.rollup.overall
        let counts = "\(tally.done) done · \(tally.learning) learning · \(tally.remaining - tally.learning) todo │ "
        switch state.overlay {
        case .reader(let reader) where reader.search?.typing == true:
            return ["Enter keep · Esc cancel ", ""]
        case .reader(let reader) where reader.hasCursor:
            // `Backspace` rather than `q`: it also goes back along the links followed.
            let keys = state.keymap.rekeyed("j/k move · J/K section · t contents · / search · : link N · Backspace back · ? help ",
                                            in: .reader)
            return [counts + keys, keys] + named(.reader, ["j/k move · J/K section · t contents · / search · Backspace back · ? help ",
                    "j/k move · J/K section · t contents · / search · ? help ", "t contents · / search · ? help ",
                    "? help ", ""])
        case .reader:
            // A resource's reader has one link, its resource's: digits open nothing here.
            let keys = state.keymap.rekeyed("j/k scroll · o open link · y copy it · q back · ? help ", in: .reader)
            return [counts + keys, keys] + named(.reader, ["j/k scroll · o open link · q back · ? help ", "q back ", ""])
        case .contents:
            return named(.contents, ["j/k select · Enter read from there · q back ", "q back ", ""])
        case .help:
            return ["any key closes ", ""]
        case .editor:
            return named(.editor, ["Ctrl-S save · Esc cancel ", ""])
        case .dashboard:
            return named(.dashboard, ["j/k select · Enter go to it · v revisit · q back ", "j/k select · Enter go to it · q back ",
                                      "q back ", ""])
        case .search:
            return [""]
        case nil:
            if let search = state.highlighted {
                let found = "/\(search.text) · \(search.summary)"
                let next = state.keymap.rekeyed(" · n/N next", in: .browser), clears = state.keymap.rekeyed("Esc clears ", in: .filter)
                return [found + next + " · " + clears, found + " ", clears, ""]
            }
            let keys = state.keymap.rekeyed("Tab pane · Space done · a annotate · ? help · q quit ", in: .browser)
            return [counts + keys, keys] + named(.browser, ["? help · q quit ", ""])
        }
    }
}
