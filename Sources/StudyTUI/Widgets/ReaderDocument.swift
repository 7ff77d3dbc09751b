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
    var lines: LaidOut<StyledLine> { LaidOut(layout: layout) { $0.line($1) } }
    /// What each line shows, laid out as `lines` is.
    var places: LaidOut<Place> { LaidOut(layout: layout) { $0.place($1) } }

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
    var laidOutLines: Int { layout.lineCount }

    /// How many laid-out lines are in memory now (for the test that a long file keeps few).
    var keptLines: Int { layout.kept }

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
        layout.reach { $0.lineCount >= count }
        return layout.lineCount
    }

    func place(at line: Int) -> Place? {
        guard line >= 0, line < lineCount(reaching: Self.reach(line, plus: 1)) else { return nil }
        return layout.place(line)
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
            if matching(layout.place(line)) { return line }
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

    /// How far down the document `line` is, 0 to 100, and whether that is exact. Near the top
    /// that is 0 whatever the document's length: the lines laid out are fewer than it has. A
    /// short rest is laid out for the exact figure; past that, until the layout has reached the
    /// end (G, a search, the idle slices), the figure is the share of the note's source above
    /// the line: laying a 3.2 MB note out to its end for a page key would take half a second.
    func percent(at line: Int) -> (value: Int, exact: Bool) {
        let laidOut = layout.lineCount
        if !layout.isComplete && laidOut > 1 && max(0, line) * 100 < laidOut - 1 { return (0, true) }
        if !layout.isComplete && layout.sourceLeft > Self.exactPercentBudget,
           let approximate = layout.sourceShare(at: line) {
            return (approximate, false)
        }
        let last = lines.count - 1
        guard last > 0 else { return (100, true) }
        return (min(100, max(0, line) * 100 / last), true)
    }

    /// Source bytes left to lay out below which the percentage lays them out to be exact
    /// (about a millisecond of layout): a note of a few pages is never shown approximately.
    static let exactPercentBudget = 8_192

    /// Whether the layout has reached the document's end.
    var isComplete: Bool { layout.isComplete }

    /// Lays out a slice of what is left, about `budget` bytes of source (at least one step):
    /// an idle moment's work, so that the figures become exact without a key waiting for it.
    /// Returns whether anything was left to lay out.
    @discardableResult
    func layOutSlice(budget: Int = DocumentLayout.sliceBudget) -> Bool {
        guard !layout.isComplete else { return false }
        let stop = layout.sourceLaidOut + budget
        layout.layOutNext()
        layout.reach { $0.sourceLaidOut >= stop }
        return true
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

    /// `keeping`: how many laid-out lines stay in memory (the rest is laid out again when read).
    static func make(root: Int, state: AppState, width: Int, keeping: Int = DocumentLayout.keptLines) -> ReaderDocument {
        ReaderDocument(layout: DocumentLayout(root: root, state: state, width: width, keeping: keeping))
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
    fileprivate let read: (DocumentLayout, Int) -> Element

    var startIndex: Int { 0 }
    /// The whole document's length: lays it all out.
    var endIndex: Int {
        layout.layOutAll()
        return layout.lineCount
    }

    subscript(position: Int) -> Element {
        if position >= 0 { layout.reach { $0.lineCount > position } }
        return read(layout, position)
    }
}

/// The document's steps, the index of what is laid out of them so far (where each step's lines
/// start, what each line shows, the sections and links) and the lines themselves for the steps
/// read last: a step's lines dropped to keep memory down are laid out again, from what the index
/// kept of the document above it, when read again. A cache shared by the copies of one
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

    /// What laying a step out depends on besides the step: the document above it.
    struct Above {
        /// How many lines and links the document has above the step.
        var lines: Int
        var links: Int
        /// Whether the line above it has anything on it (a blank line is not doubled).
        var endsInText: Bool
    }

    /// What one step lays out.
    struct Laid {
        var lines: [StyledLine] = []
        var places: [ReaderDocument.Place] = []
        var sections: [ReaderDocument.Section] = []
        var links: [ReaderDocument.Link] = []
    }

    /// Lines kept in memory by default: a few screens' worth around each place read lately, a
    /// small part of a long file (the 3.2 MB note has ~93,000).
    static let keptLines = 1_000

    /// What the steps are laid out from: the notes and the progress, not the `AppState` (whose
    /// model's caches hold this layout: a cycle that would outlive a reload).
    struct Source {
        let index: TopicIndex
        let progress: LearnerProgress
        let rollup: ProgressRollup
        let note: @Sendable (_ node: Int, _ width: Int, _ firstLink: Int) -> RenderedNote

        init(_ state: AppState) {
            index = state.index
            progress = state.progress
            rollup = state.rollup
            note = state.model.noteRendering
        }

        func status(of resource: Resource) -> Status { progress.status(of: resource) }
        func tally(of node: Int) -> Tally { rollup.tally(of: index.nodes[node].topic.id) }
    }

    private let steps: [Step]
    private var next = 0
    /// How many source bytes each step lays out from, summed over the steps before it (one more
    /// than there are steps): what the approximate percentage and the idle slices measure by.
    private var sourceBefore: [Int] = [0]
    private let state: Source?
    private let width: Int
    private let keeping: Int
    let headings: [ReaderDocument.Heading]
    let headingNodes: Set<Int>

    /// For each step laid out: what was above it, so it can be laid out again alike.
    private var above: [Above] = []
    private var endsInText = false
    /// The kept lines of each step laid out (nil once dropped), when each was last read.
    private var chunks: [[StyledLine]?] = []
    private var lastRead: [Int] = []
    private var reads = 0
    /// Steps in the order they were read, each with when: the first whose stamp is still its
    /// latest is the one read longest ago (older entries of a step read again are skipped).
    private var readOrder: [(step: Int, stamp: Int)] = []
    private var readOrderStart = 0
    private(set) var kept = 0

    private(set) var lineCount = 0
    /// What each line shows, as runs of lines that show the same (a paragraph is one), each
    /// with the line after its end: a long file's 90,000 places in a third of the memory.
    private var places: [(end: Int, place: ReaderDocument.Place)] = []
    private(set) var sections: [ReaderDocument.Section] = []
    private(set) var sectionLines: [Int: Int] = [:]
    private(set) var links: [ReaderDocument.Link] = []

    var isComplete: Bool { next == steps.count }

    /// A document laid out already (a resource's reader).
    init(lines: [StyledLine], places: [ReaderDocument.Place]) {
        steps = []
        state = nil
        width = 0
        keeping = Int.max
        headings = []
        headingNodes = []
        append(places)
        lineCount = lines.count
        chunks = [lines]
        lastRead = [0]
        kept = lines.count
        above = [Above(lines: 0, links: 0, endsInText: false)]
    }

    init(root: Int, state: AppState, width: Int, keeping: Int = DocumentLayout.keptLines) {
        var steps: [Step] = []
        Self.plan(root, level: 1, index: state.index, into: &steps)
        steps.append(.noNote(root))
        self.steps = steps
        self.state = Source(state)
        self.width = width
        self.keeping = max(1, keeping)
        headings = steps.compactMap { step in
            if case .section(let node, let level) = step { return ReaderDocument.Heading(node: node, level: level) }
            return nil
        }
        headingNodes = Set(headings.map(\.node))
        sourceBefore.reserveCapacity(steps.count + 1)
        for step in steps { sourceBefore.append(sourceBefore[sourceBefore.count - 1] + Self.source(of: step, state: state)) }
    }

    /// About how many bytes of source `step` is laid out from: its note, title, annotation and
    /// a line's worth for each resource or listed file.
    private static func source(of step: Step, state: AppState) -> Int {
        switch step {
        case .section(let node, _):
            let topic = state.index.nodes[node].topic
            let annotation = state.progress.annotation(of: topic.id)?.text?.utf8.count ?? 0
            return 64 + topic.noteText.byteCount + topic.title.utf8.count + annotation + 64 * topic.resourceIDs.count
        case .listed, .noNote: return 64
        }
    }

    /// Source bytes an idle slice lays out: about a millisecond and a half of layout (the
    /// 3.2 MB note lays out at ~6 bytes a microsecond), well inside a frame.
    static let sliceBudget = 8_192

    /// Source bytes laid out so far, and still to lay out.
    var sourceLaidOut: Int { sourceBefore[next] }
    var sourceLeft: Int { sourceBefore[steps.count] - sourceBefore[next] }

    /// How far down the source line `index` (laid out) comes from, 0 to 99 percent: the bytes of
    /// the steps above its own, and its own step's share by lines. Nil for a laid-out document.
    func sourceShare(at index: Int) -> Int? {
        let total = sourceBefore[steps.count]
        guard total > 0, !steps.isEmpty, lineCount > 0 else { return nil }
        let line = min(max(0, index), lineCount - 1)
        let step = self.step(containing: line)
        let end = step + 1 < above.count ? above[step + 1].lines : lineCount
        let lines = max(1, end - above[step].lines)
        let within = (sourceBefore[step + 1] - sourceBefore[step]) * (line - above[step].lines) / lines
        return min(99, (sourceBefore[step] + within) * 100 / total)
    }

    /// The last step that starts at or before line `index` (steps may lay out no line).
    private func step(containing index: Int) -> Int {
        var low = 0
        var high = above.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if above[middle].lines <= index { low = middle } else { high = middle - 1 }
        }
        return low
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

    /// Line `index` of the document (laid out already), laid out again if it was dropped.
    func line(_ index: Int) -> StyledLine {
        precondition(index >= 0 && index < lineCount, "line \(index) of \(lineCount)")
        let low = step(containing: index)
        let lines = chunk(low)
        return lines[index - above[low].lines]
    }

    private func chunk(_ step: Int) -> [StyledLine] {
        touch(step)
        if let lines = chunks[step] { return lines }
        let lines = lay(steps.isEmpty ? .noNote(0) : steps[step], above: above[step]).lines
        keep(lines, of: step)
        return lines
    }

    /// What line `index` (laid out already) shows.
    func place(_ index: Int) -> ReaderDocument.Place {
        precondition(index >= 0 && index < lineCount, "line \(index) of \(lineCount)")
        var low = 0
        var high = places.count - 1
        while low < high {
            let middle = (low + high) / 2
            if places[middle].end > index { high = middle } else { low = middle + 1 }
        }
        return places[low].place
    }

    private func append(_ more: [ReaderDocument.Place]) {
        var end = places.last?.end ?? 0
        for place in more {
            end += 1
            if places.last?.place == place { places[places.count - 1].end = end } else { places.append((end, place)) }
        }
    }

    private func touch(_ step: Int) {
        // A screen reads the lines of one step after another: one entry while it stays on it.
        if readOrder.last?.step == step, lastRead[step] == readOrder.last?.stamp { return }
        reads += 1
        lastRead[step] = reads
        readOrder.append((step, reads))
    }

    private func keep(_ lines: [StyledLine], of step: Int) {
        chunks[step] = lines
        kept += lines.count
        // The steps read longest ago go first; never the one just laid out.
        while kept > keeping && readOrderStart < readOrder.count {
            let (oldest, stamp) = readOrder[readOrderStart]
            if oldest == step && lastRead[oldest] == stamp { break }
            readOrderStart += 1
            guard lastRead[oldest] == stamp, let dropped = chunks[oldest] else { continue }
            kept -= dropped.count
            chunks[oldest] = nil
        }
        if readOrderStart > 1_024 && readOrderStart * 2 > readOrder.count {
            readOrder.removeFirst(readOrderStart)
            readOrderStart = 0
        }
    }

    func layOutNext() {
        let before = Above(lines: lineCount, links: links.count, endsInText: endsInText)
        let laid = lay(steps[next], above: before)
        next += 1
        above.append(before)
        chunks.append(nil)
        lastRead.append(0)
        touch(above.count - 1)
        lineCount += laid.lines.count
        if let last = laid.lines.last { endsInText = !last.spans.isEmpty }
        append(laid.places)
        for section in laid.sections where sectionLines[section.node] == nil { sectionLines[section.node] = section.line }
        sections += laid.sections
        links += laid.links
        keep(laid.lines, of: above.count - 1)
    }

    /// What `step` lays out below `above`: the same whether it is the first time or a later one.
    private func lay(_ step: Step, above: Above) -> Laid {
        var laid = Laid()
        guard let state else { return laid }
        var writer = Writer(above: above, laid: laid)
        switch step {
        case .section(let node, let level): writer.section(node, level: level, state: state, width: width)
        case .listed(let child, let parent, let first): writer.listed(child, parent: parent, first: first, state: state, width: width)
        case .noNote(let root):
            if above.lines + writer.laid.lines.count == 1 && state.index.nodes[root].topic.note.allSatisfy(\.isWhitespace) {
                writer.add([StyledLine(), StyledLine([StyledSpan("This topic has no note.", .dim)])], root, .section)
            }
        }
        laid = writer.laid
        return laid
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
}

/// Lays out one step below the document above it.
private struct Writer {
    let above: DocumentLayout.Above
    var laid: DocumentLayout.Laid

    init(above: DocumentLayout.Above, laid: DocumentLayout.Laid) {
        self.above = above
        self.laid = laid
    }

    mutating func add(_ more: [StyledLine], _ section: Int, _ item: ReaderDocument.Item) {
        laid.lines += more.map(DocumentLayout.compact)
        laid.places += Array(repeating: ReaderDocument.Place(section: section, item: item), count: more.count)
    }

    /// A blank line, unless the line above is blank (or there is none).
    mutating func blank(_ section: Int) {
        let endsInText = laid.lines.last.map { !$0.spans.isEmpty } ?? above.endsInText
        if endsInText { add([StyledLine()], section, .section) }
    }

    mutating func section(_ node: Int, level: Int, state: DocumentLayout.Source, width: Int) {
        let entry = state.index.nodes[node]
        blank(node)
        laid.sections.append(ReaderDocument.Section(node: node, line: above.lines + laid.lines.count, level: level))
        let marks = String(repeating: "#", count: min(level, 6)) + " "
        add(StyledWrap.wrap([StyledSpan(marks, [.dim, .heading]), StyledSpan(TerminalSafe.escape(entry.topic.title), [.bold, .heading])],
                            width: width, restPrefix: [StyledSpan(String(repeating: " ", count: marks.count))]), node, .section)
        let note = state.note(node, width, above.links + laid.links.count + 1)
        laid.links += note.links.map { ReaderDocument.Link(written: $0, node: node) }
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
    mutating func listed(_ child: Int, parent: Int, first: Bool, state: DocumentLayout.Source, width: Int) {
        if first { blank(parent) }
        let tally = state.tally(of: child)
        let spans = [StyledSpan("▸ "), StyledSpan(TerminalSafe.escape(state.index.nodes[child].topic.title), .bold),
                     StyledSpan("  \(tally.done)/\(tally.counted) done", .dim)]
        add(StyledWrap.wrap(spans, width: width, restPrefix: [StyledSpan("  ")]), parent, .topic(child))
    }
}
