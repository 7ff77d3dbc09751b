import StudyText
import TermGrid

/// Where the links of the reader and of the detail pane's note are drawn, each with what it
/// was written to point at: a link's text and its `[N]` number, on one row. The terminal layer
/// makes them hyperlinks (OSC 8) where that is on. Worked out with the arithmetic the widgets
/// draw with, as the mouse's hit-testing is.
public struct LinkCells: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    /// As written in the note (the terminal layer lets only a web or file URL through).
    public var target: String

    /// The links on the screen `state` draws; none under an overlay other than the reader.
    public static func shown(_ state: AppState) -> [LinkCells] {
        let layout = state.layout
        switch state.overlay {
        case .reader(let reader):
            guard case .topic = reader.subject else { return [] }
            let body = layout.body
            let top = body.y + 1  // below the section's path
            let document = ReaderView.document(reader, state: state, width: ReaderView.textWidth(body.width))
            let rows = max(0, body.y + body.height - top)
            // Only as far as the screen: the document is laid out lazily (ReaderDocument).
            let count = document.lineCount(reaching: ReaderDocument.reach(reader.scroll, plus: rows))
            let scroll = min(reader.scroll, max(0, count - rows))
            var found: [LinkCells] = []
            for row in 0..<rows where scroll + row < count {
                found += runs(in: document.lines[scroll + row], x: body.x + 1, y: top + row, width: body.width - 1) { number in
                    document.link(number)?.written
                }
            }
            return found
        case nil:
            guard layout.kind == .split || (layout.kind == .single && state.focus == .detail),
                  let node = state.selectedNode else { return [] }
            let rect = layout.detail
            let geometry = DetailPane.geometry(state, rect: rect)
            let links = Reducer.writtenLinks(of: node, state: state)
            let top = rect.y + DetailPane.headerLines(state, node: node)
            var found: [LinkCells] = []
            for (row, line) in geometry.noteLines.enumerated() where top + row < rect.y + rect.height {
                found += runs(in: line, x: rect.x, y: top + row, width: rect.width) { number in
                    links.indices.contains(number - 1) ? links[number - 1].written : nil
                }
            }
            return found
        default:
            return []
        }
    }

    /// The `[N]` number drawn in `span`, if it is one.
    static func number(_ span: StyledSpan) -> Int? {
        guard span.style.contains(.link), span.text.hasPrefix("["), span.text.hasSuffix("]") else { return nil }
        return Int(span.text.dropFirst().dropLast())
    }

    /// Each link in `line` drawn from column `x`: the link-styled text before a `[N]` and the
    /// number, cut at `width` columns.
    static func runs(in line: StyledLine, x: Int, y: Int, width: Int, target: (Int) -> String?) -> [LinkCells] {
        var found: [LinkCells] = []
        var column = 0
        var start: Int?
        for span in line.spans {
            let spanWidth = DisplayWidth.of(span.text)
            defer { column += spanWidth }
            guard span.style.contains(.link) else {
                start = nil
                continue
            }
            if start == nil { start = column }
            guard let number = number(span), let first = start else { continue }
            start = nil
            let end = min(column + spanWidth, width)
            if end > first, let written = target(number) {
                found.append(LinkCells(x: x + first, y: y, width: end - first, target: written))
            }
        }
        return found
    }
}
