import StudyCore
import StudyText
import TermGrid

/// The full-screen reader: a topic's whole rendered note (links numbered, `1`–`9` open them) and
/// its resources, or one resource's details with the learner's whole annotation.
public enum ReaderView {
    static func lineCount(_ reader: AppState.Reader, state: AppState) -> Int {
        content(reader, state: state, width: textWidth(state.width)).count
    }

    static func textWidth(_ width: Int) -> Int { max(8, width - 2) }

    static func title(_ reader: AppState.Reader, state: AppState) -> String {
        switch reader.subject {
        case .topic(let node): state.index.nodes[node].topic.title
        case .resource(let id): state.index.tree.resources[id]?.title ?? id
        }
    }

    /// The reader's lines at `width`, laid out once per subject, width and progress (a key only
    /// scrolls them): an annotation of a megabyte takes a noticeable moment to wrap.
    static func content(_ reader: AppState.Reader, state: AppState, width: Int) -> [StyledLine] {
        let key = ContentKey(subject: reader.subject, width: width, progressGeneration: state.progressGeneration)
        return state.model.caches.readerLines.lines(key) {
            switch reader.subject {
            case .topic(let node): topicContent(node, state: state, width: width)
            case .resource(let id): resourceContent(id, state: state, width: width)
            }
        }
    }

    struct ContentKey: Equatable {
        var subject: AppState.Reader.Subject
        var width: Int
        var progressGeneration: Int
    }

    /// The last laid-out reader only: one is open at a time.
    final class LineCache: @unchecked Sendable {
        private var key: ContentKey?
        private var cached: [StyledLine] = []

        func lines(_ key: ContentKey, make: () -> [StyledLine]) -> [StyledLine] {
            if key != self.key {
                cached = make()
                self.key = key
            }
            return cached
        }
    }

    static func topicContent(_ node: Int, state: AppState, width: Int) -> [StyledLine] {
        let entry = state.index.nodes[node]
        var lines = [StyledLine([StyledSpan(TerminalSafe.escape(entry.path.joined(separator: " › ")), .dim)]), StyledLine()]
        let note = state.model.note(of: node, width: width)
        lines += note.lines
        if let own = state.progress.annotation(of: entry.topic.id)?.text {
            lines += [StyledLine(), StyledLine([StyledSpan("Your annotation", [.bold, .heading])])]
            lines += wrapped(own, width: width, style: .italic)
        }
        let resources = state.model.resources(of: node)
        if !resources.isEmpty {
            lines += [StyledLine(), StyledLine([StyledSpan("Resources", [.bold, .heading])])]
            for resource in resources {
                let status = state.status(of: resource)
                var spans = [StyledSpan(status.mark + " "), StyledSpan(TerminalSafe.escape(resource.title), status == .done ? [] : .bold)]
                if !resource.description.isEmpty { spans.append(StyledSpan(" — " + TerminalSafe.escape(resource.description), .dim)) }
                lines += StyledWrap.wrap(spans, width: width, restPrefix: [StyledSpan("    ")])
            }
        }
        if lines.count == 2 { lines.append(StyledLine([StyledSpan("This topic has no note.", .dim)])) }
        return lines
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

    static func draw(_ reader: AppState.Reader, state: AppState, into grid: inout Grid, rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        let lines = content(reader, state: state, width: textWidth(rect.width))
        let scroll = min(reader.scroll, max(0, lines.count - rect.height))
        for row in 0..<rect.height where scroll + row < lines.count {
            Drawing.put(lines[scroll + row], into: &grid, x: rect.x + 1, y: rect.y + row, width: rect.width - 1)
        }
    }
}
