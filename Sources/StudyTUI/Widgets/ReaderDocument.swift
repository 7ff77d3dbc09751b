import StudyCore
import StudyText

/// The whole-file reader's document: a file read in order (its note, then each heading below it
/// with its note, the learner's annotation and its resources with their marks, recursively), laid
/// out for a width, with what each line shows, where each section starts and every link of the
/// document numbered in one run. A folder's document is its README (its own note and headings),
/// then a line for each file and folder inside it.
///
/// The layout is lazy: the document is a plan of steps (a heading's own part, a listed file),
/// made without rendering anything, laid out from the top only as far as something reads it (the
/// screen, a key), so that a note of megabytes opens as fast as its first screen. Line and link
/// numbers count everything above them, so the layout only ever grows from the top, step by step,
/// each step exactly as laying the whole document out at once would; whatever needs the whole
/// (the line count, the last line, a search) lays out the rest.
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

    /// A heading of the document as the plan knows it, before it is laid out: its topic and level.
    struct Heading: Equatable, Sendable {
        var node: Int
        var level: Int
    }

    /// A link of the document as its note wrote it, with the topic whose note it is in (what a
    /// link relative to that note is relative to).
    struct Link: Equatable, Sendable {
        var written: String
        var node: Int
    }

    private let layout: DocumentLayout

    init() { layout = DocumentLayout(lines: [], places: []) }

    private init(layout: DocumentLayout) { self.layout = layout }

    /// Every line of the document; reading one lays the document out down to it, and `count`
    /// lays out all of it (`lineCount(reaching:)` is the bounded one).
    var lines: LaidOut<StyledLine> { LaidOut(layout: layout, elements: \.lines) }
    /// What each line shows, laid out as `lines` is.
    var places: LaidOut<Place> { LaidOut(layout: layout, elements: \.places) }

    /// Every heading with the line it starts on (lays the whole document out).
    var sections: [Section] {
        layout.layOutAll()
        return layout.sections
    }

    /// The document's links in the order of their numbers (`links[0]` is `[1]`), numbered
    /// across the whole document as one rendered note numbers its own (lays it all out).
    var links: [Link] {
        layout.layOutAll()
        return layout.links
    }

    /// The document's headings in order, as `sections` lists them, without laying anything out.
    var headings: [Heading] { layout.headings }

    /// How many lines are laid out so far (for the tests that a key lays out only what it reads).
    var laidOutLines: Int { layout.lines.count }

    /// Link `number` (`[1]` is the first), laying out only as far as it.
    func link(_ number: Int) -> Link? {
        guard number > 0 else { return nil }
        layout.reach { $0.links.count >= number }
        return layout.links.indices.contains(number - 1) ? layout.links[number - 1] : nil
    }

    /// `line + more`, or `Int.max` past it: a count to reach from a cursor or scroll that a key
    /// or the resume file may have set anywhere.
    static func reach(_ line: Int, plus more: Int) -> Int {
        let (sum, overflow) = max(0, line).addingReportingOverflow(max(0, more))
        return overflow ? Int.max : sum
    }

    /// The number of lines, laid out until there are at least `count` of them: all of them when
    /// the document is shorter, so a figure below `count` is the document's whole length.
    func lineCount(reaching count: Int) -> Int {
        layout.reach { $0.lines.count >= count }
        return layout.lines.count
    }

    func place(at line: Int) -> Place? {
        guard line >= 0, line < lineCount(reaching: Self.reach(line, plus: 1)) else { return nil }
        return layout.places[line]
    }

    /// The first line of `node`'s section, when the document holds that heading.
    func line(ofSection node: Int) -> Int? {
        guard layout.headingNodes.contains(node) else { return nil }
        layout.reach { $0.sectionLines[node] != nil }
        return layout.sectionLines[node]
    }

    /// The first line from `start` on whose place is `matching`, laying out only as far as it.
    func firstLine(from start: Int, where matching: (Place) -> Bool) -> Int? {
        var line = max(0, start)
        while line < lineCount(reaching: Self.reach(line, plus: 1)) {
            if matching(layout.places[line]) { return line }
            line += 1
        }
        return nil
    }

    /// The first line that shows resource `id`, in `node`'s section if it is listed there.
    func line(ofResource id: String, in node: Int? = nil) -> Int? {
        let first = firstLine(from: 0) { $0.item == .resource(id) }
        guard let first, let node else { return first }
        return firstLine(from: first) { $0.item == .resource(id) && $0.section == node } ?? first
    }

    /// The first heading below `line` (laid out as far as it), or the last one above it.
    func section(after line: Int) -> Section? {
        layout.reach { $0.sections.last.map { $0.line > line } ?? false }
        return layout.sections.first { $0.line > line }
    }

    func section(before line: Int) -> Section? {
        _ = lineCount(reaching: Self.reach(line, plus: 1))
        return layout.sections.last { $0.line < line }
    }

    /// How far down the document `line` is, 0 to 100. Near the top that is 0 whatever the
    /// document's length (which needs it all laid out): the lines laid out are fewer than it has.
    func percent(at line: Int) -> Int {
        let laidOut = layout.lines.count
        if !layout.isComplete && laidOut > 1 && max(0, line) * 100 < laidOut - 1 { return 0 }
        let last = lines.count - 1
        guard last > 0 else { return 100 }
        return min(100, max(0, line) * 100 / last)
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
    var lastNode: Int? { layout.headings.map(\.node).max() }

    // MARK: Layout

    static func make(root: Int, state: AppState, width: Int) -> ReaderDocument {
        ReaderDocument(layout: DocumentLayout(root: root, state: state, width: width))
    }

    /// A resource's reader as a document: every line shows that one resource.
    static func resource(_ id: String, lines: [StyledLine]) -> ReaderDocument {
        ReaderDocument(layout: DocumentLayout(lines: lines, places: Array(repeating: Place(section: nil, item: .resource(id)),
                                                                          count: lines.count)))
    }
}

/// A piece of `ReaderDocument.lines` or `places`: reading an element lays out down to it.
struct LaidOut<Element>: RandomAccessCollection {
    fileprivate let layout: DocumentLayout
    fileprivate let elements: KeyPath<DocumentLayout, [Element]>

    var startIndex: Int { 0 }
    /// The whole document's length: lays it all out.
    var endIndex: Int {
        layout.layOutAll()
        return layout[keyPath: elements].count
    }

    subscript(position: Int) -> Element {
        if position >= 0 { layout.reach { $0.lines.count > position } }
        return layout[keyPath: elements][position]
    }
}

/// The document's steps and what is laid out of them so far. A cache shared by the copies of one
/// `ReaderDocument` (the reader cache keeps the last one): single-threaded use, on the UI loop.
final class DocumentLayout: @unchecked Sendable {
    /// A piece of the document, laid out as a whole.
    enum Step {
        /// A heading with its own note, annotation and resources (not the headings below it).
        case section(Int, level: Int)
        /// A file or folder a folder's document lists, under `parent`; `first` puts a blank line before it.
        case listed(Int, parent: Int, first: Bool)
        /// "This topic has no note." when the whole document came to one line.
        case noNote(Int)
    }

    private let steps: [Step]
    private var next = 0
    private let state: AppState?
    private let width: Int
    let headings: [ReaderDocument.Heading]
    let headingNodes: Set<Int>

    private(set) var lines: [StyledLine]
    private(set) var places: [ReaderDocument.Place]
    private(set) var sections: [ReaderDocument.Section] = []
    private(set) var sectionLines: [Int: Int] = [:]
    private(set) var links: [ReaderDocument.Link] = []

    var isComplete: Bool { next == steps.count }

    /// A document laid out already (a resource's reader).
    init(lines: [StyledLine], places: [ReaderDocument.Place]) {
        self.lines = lines
        self.places = places
        steps = []
        state = nil
        width = 0
        headings = []
        headingNodes = []
    }

    init(root: Int, state: AppState, width: Int) {
        var steps: [Step] = []
        Self.plan(root, level: 1, index: state.index, into: &steps)
        steps.append(.noNote(root))
        self.steps = steps
        self.state = state
        self.width = width
        lines = []
        places = []
        headings = steps.compactMap { step in
            if case .section(let node, let level) = step { return ReaderDocument.Heading(node: node, level: level) }
            return nil
        }
        headingNodes = Set(headings.map(\.node))
    }

    /// The steps of `node`'s part of the document, in reading order: its own, then each child's
    /// (a heading's with everything below it, a file's or folder's as one listed line).
    private static func plan(_ node: Int, level: Int, index: TopicIndex, into steps: inout [Step]) {
        steps.append(.section(node, level: level))
        var listed = false
        for child in index.nodes[node].children {
            guard index.nodes[child].topic.kind != .heading else {
                plan(child, level: level + 1, index: index, into: &steps)
                continue
            }
            steps.append(.listed(child, parent: node, first: !listed))
            listed = true
        }
    }

    /// Lays out step after step until `done` holds or nothing is left.
    func reach(_ done: (DocumentLayout) -> Bool) {
        while !isComplete && !done(self) { layOutNext() }
    }

    func layOutAll() { reach { _ in false } }

    private func layOutNext() {
        guard let state else { return }
        let step = steps[next]
        next += 1
        switch step {
        case .section(let node, let level): section(node, level: level, state: state)
        case .listed(let child, let parent, let first): listed(child, parent: parent, first: first, state: state)
        case .noNote(let root):
            if lines.count == 1 && state.index.nodes[root].topic.note.allSatisfy(\.isWhitespace) {
                add([StyledLine(), StyledLine([StyledSpan("This topic has no note.", .dim)])], root, .section)
            }
        }
    }

    private func add(_ more: [StyledLine], _ section: Int, _ item: ReaderDocument.Item) {
        lines += more.map(Self.compact)
        places += Array(repeating: ReaderDocument.Place(section: section, item: item), count: more.count)
    }

    /// `line` with each run of spans of one style (a wrapped paragraph is a span a word and one
    /// a space) as one span, drawn the same: a long file's lines take far less memory.
    /// A link's spans stay as they are: its `[N]` is a span of its own (`LinkCells`, the mouse).
    static func compact(_ line: StyledLine) -> StyledLine {
        guard line.spans.count > 1 else { return line }
        var spans: [StyledSpan] = []
        spans.reserveCapacity(4)
        for span in line.spans {
            // Only where ASCII meets ASCII: no character can join across the seam (a combining
            // mark after a letter would make one of two, and draw otherwise).
            if let last = spans.last, last.style == span.style, !span.style.contains(.link),
               let end = last.text.utf8.last, end < 0x80, let start = span.text.utf8.first, start < 0x80 {
                spans[spans.count - 1].text += span.text
            } else {
                spans.append(span)
            }
        }
        return spans.count == line.spans.count ? line : StyledLine(spans)
    }

    private func blank(_ section: Int) {
        if let last = lines.last, !last.spans.isEmpty { add([StyledLine()], section, .section) }
    }

    private func section(_ node: Int, level: Int, state: AppState) {
        let entry = state.index.nodes[node]
        blank(node)
        sections.append(ReaderDocument.Section(node: node, line: lines.count, level: level))
        if sectionLines[node] == nil { sectionLines[node] = lines.count }
        let marks = String(repeating: "#", count: min(level, 6)) + " "
        add(StyledWrap.wrap([StyledSpan(marks, [.dim, .heading]), StyledSpan(TerminalSafe.escape(entry.topic.title), [.bold, .heading])],
                            width: width, restPrefix: [StyledSpan(String(repeating: " ", count: marks.count))]), node, .section)
        let note = state.model.renderedNote(of: node, width: width, firstLink: links.count + 1)
        links += note.links.map { ReaderDocument.Link(written: $0, node: node) }
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
    }

    /// A file or folder of a folder's document: one line, its own document opens from the tree.
    private func listed(_ child: Int, parent: Int, first: Bool, state: AppState) {
        if first { blank(parent) }
        let tally = state.tally(of: child)
        let spans = [StyledSpan("▸ "), StyledSpan(TerminalSafe.escape(state.index.nodes[child].topic.title), .bold),
                     StyledSpan("  \(tally.done)/\(tally.counted) done", .dim)]
        add(StyledWrap.wrap(spans, width: width, restPrefix: [StyledSpan("  ")]), parent, .topic(child))
    }
}
