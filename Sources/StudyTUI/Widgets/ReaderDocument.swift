import StudyCore
import StudyText

/// The whole-file reader's document: a file read in order (its note, then each heading below it
/// with its note, the learner's annotation and its resources with their marks, recursively), laid
/// out once for a width, with what each line shows, where each section starts and every link of
/// the document numbered in one run. A folder's document is its README (its own note and
/// headings), then a line for each file and folder inside it.
struct ReaderDocument: Sendable {
    /// What a line shows, for the keys that act on the line under the cursor.
    enum Item: Equatable, Sendable {
        /// A heading, or a line of a section's note or annotation: the keys act on the section.
        case section
        case resource(String)
        /// A file or folder inside a folder's document, with its counts.
        case topic(Int)
    }

    struct Place: Equatable, Sendable {
        /// The section (a topic node) the line belongs to; nil in a resource's reader.
        var section: Int?
        var item: Item
    }

    /// A heading of the document: its topic, the line it starts on, its level (1 for the file).
    struct Section: Equatable, Sendable {
        var node: Int
        var line: Int
        var level: Int
    }

    /// A link of the document as its note wrote it, with the topic whose note it is in (what a
    /// link relative to that note is relative to).
    struct Link: Equatable, Sendable {
        var written: String
        var node: Int
    }

    var lines: [StyledLine] = []
    var places: [Place] = []
    var sections: [Section] = []
    /// The document's links in the order of their numbers (`links[0]` is `[1]`), numbered
    /// across the whole document as one rendered note numbers its own.
    var links: [Link] = []

    func place(at line: Int) -> Place? { places.indices.contains(line) ? places[line] : nil }

    /// The first line of `node`'s section, when the document holds that heading.
    func line(ofSection node: Int) -> Int? { sections.first { $0.node == node }?.line }

    /// The first line that shows resource `id`, in `node`'s section if it is listed there.
    func line(ofResource id: String, in node: Int? = nil) -> Int? {
        places.indices.first { places[$0].item == .resource(id) && (node == nil || places[$0].section == node) }
            ?? places.firstIndex { $0.item == .resource(id) }
    }

    /// The topic whose document shows `node`: the file (or folder, or content root) it is a
    /// heading of, or `node` itself.
    static func root(of node: Int, in index: TopicIndex) -> Int {
        var current = node
        while index.nodes[current].topic.kind == .heading, let parent = index.nodes[current].parent { current = parent }
        return current
    }

    /// The last topic node the document shows (nodes are numbered depth-first, so every node
    /// after it is later in the curriculum than the whole document).
    var lastNode: Int? { sections.map(\.node).max() }

    // MARK: Layout

    static func make(root: Int, state: AppState, width: Int) -> ReaderDocument {
        var document = ReaderDocument()
        document.visit(root, level: 1, state: state, width: width)
        if document.lines.count == 1 && state.index.nodes[root].topic.note.allSatisfy(\.isWhitespace) {
            document.add([StyledLine(), StyledLine([StyledSpan("This topic has no note.", .dim)])], root, .section)
        }
        return document
    }

    /// A resource's reader as a document: every line shows that one resource.
    static func resource(_ id: String, lines: [StyledLine]) -> ReaderDocument {
        ReaderDocument(lines: lines, places: Array(repeating: Place(section: nil, item: .resource(id)), count: lines.count))
    }

    private mutating func add(_ more: [StyledLine], _ section: Int, _ item: Item) {
        lines += more
        places += Array(repeating: Place(section: section, item: item), count: more.count)
    }

    private mutating func blank(_ section: Int) {
        if let last = lines.last, !last.spans.isEmpty { add([StyledLine()], section, .section) }
    }

    private mutating func visit(_ node: Int, level: Int, state: AppState, width: Int) {
        let entry = state.index.nodes[node]
        blank(node)
        sections.append(Section(node: node, line: lines.count, level: level))
        let marks = String(repeating: "#", count: min(level, 6)) + " "
        add(StyledWrap.wrap([StyledSpan(marks, [.dim, .heading]), StyledSpan(TerminalSafe.escape(entry.topic.title), [.bold, .heading])],
                            width: width, restPrefix: [StyledSpan(String(repeating: " ", count: marks.count))]), node, .section)
        let note = state.model.note(of: node, width: width, firstLink: links.count + 1)
        links += note.links.map { Link(written: $0, node: node) }
        if !note.lines.isEmpty {
            blank(node)
            add(note.lines, node, .section)
        }
        if let own = state.progress.annotation(of: entry.topic.id)?.text {
            blank(node)
            add([StyledLine([StyledSpan("Your annotation", [.bold, .heading])])], node, .section)
            add(ReaderView.wrapped(own, width: width, style: .italic), node, .section)
        }
        let resources = entry.topic.resourceIDs.compactMap { state.index.tree.resources[$0] }
        if !resources.isEmpty { blank(node) }
        for resource in resources {
            let status = state.status(of: resource)
            var spans = [StyledSpan(status.mark + " "), StyledSpan(TerminalSafe.escape(resource.title), status == .done ? [] : .bold)]
            if !resource.description.isEmpty { spans.append(StyledSpan(" — " + TerminalSafe.escape(resource.description), .dim)) }
            add(StyledWrap.wrap(spans, width: width, restPrefix: [StyledSpan("    ")]), node, .resource(resource.id))
        }
        var listedTopics = false
        for child in entry.children {
            guard state.index.nodes[child].topic.kind != .heading else {
                visit(child, level: level + 1, state: state, width: width)
                continue
            }
            // A file or folder of a folder's document: one line, its own document opens from the tree.
            if !listedTopics { blank(node) }
            listedTopics = true
            let tally = state.tally(of: child)
            let spans = [StyledSpan("▸ "), StyledSpan(TerminalSafe.escape(state.index.nodes[child].topic.title), .bold),
                         StyledSpan("  \(tally.done)/\(tally.counted) done", .dim)]
            add(StyledWrap.wrap(spans, width: width, restPrefix: [StyledSpan("  ")]), node, .topic(child))
        }
    }
}
