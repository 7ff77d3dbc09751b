#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCmarkGFM
import StudyCore
import StudyText

/// Markdown text of one file → its outline. Only top-level headings make sub-topics (nested by
/// level; a skipped level nests under the nearest shallower heading). Resources come from list
/// items, stand-alone link lines and table rows; everything else under a heading is its note,
/// kept as the Markdown lines it was written with. Code, quotes and HTML are never a source of
/// topics or resources.
struct OutlineBuilder {
    let file: String
    /// The file's bytes and where each line starts in them: notes are cut out of these by
    /// line number, and only the lines kept are ever turned into strings.
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    /// Definitions a section's note may use from elsewhere in the file.
    private let references: ReferenceLinks

    init(file: String, text: String) {
        self.file = file
        bytes = Array(text.utf8)
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            // memchr, not a loop over every byte: lines are tens of bytes long.
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, 10, buffer.count - offset) {
                offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
        references = ReferenceLinks(text: text)
    }

    /// Where line `number` (1-based) lies in `bytes`, without its line feed.
    private func lineRange(_ number: Int) -> Range<Int> {
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        return start..<max(start, end)
    }

    /// True when the line's characters are all white space. An ASCII line is read as bytes
    /// (each of its bytes is a character of its own); any other is decoded and asked as text.
    private func isBlank(_ range: Range<Int>) -> Bool {
        for index in range {
            let byte = bytes[index]
            if byte >= 0x80 { return String(decoding: bytes[range], as: UTF8.self).allSatisfy(\.isWhitespace) }
            if byte != 32 && !(9...13).contains(byte) { return false }
        }
        return true
    }

    /// Sections while they are being filled; turned into `OutlineSection` values at the end.
    private final class Draft {
        let title: String
        let level: Int
        let line: Int
        /// The heading a link with no name of its own is titled by (the file's H1 for the root).
        let heading: String
        var noteRanges: [ClosedRange<Int>] = []
        var resources: [RawResource] = []
        var children: [Draft] = []
        /// Footnotes written under this heading that no note refers to.
        var unreferencedFootnotes: [String] = []

        init(title: String, level: Int, line: Int, heading: String? = nil) {
            self.title = title
            self.level = level
            self.line = line
            self.heading = heading ?? title
        }
    }

    /// The file's H1 title (when it opens with one) and its sections; `warnings` say where the
    /// Markdown had to be limited to parse safely (see `MarkdownGuard`).
    func build(text: String) -> (title: String?, root: OutlineSection, warnings: [ContentWarning]) {
        let parsed = CmarkDocument.parse(text) { document in
            let blocks = document.children
            let firstHeading = blocks.first { $0.type == CMARK_NODE_HEADING }
            let absorbed = firstHeading.flatMap { $0.headingLevel == 1 ? $0 : nil }
            let title = absorbed.map { InlineLines($0).plainText }.flatMap { $0.isEmpty ? nil : $0 }
            let root = Draft(title: "", level: 0, line: absorbed?.startLine ?? 1, heading: title ?? "")
            var stack = [root]
            var ordered = [root]
            let leading = Thumbnails.leading(blocks)
            var carried: CmarkNode?
            for (index, block) in blocks.enumerated() {
                if block.type == CMARK_NODE_HEADING {
                    if let absorbed, block.raw == absorbed.raw {
                        if let thumbnail = carried.take() { add(thumbnail, to: root) }
                        continue
                    }
                    let level = block.headingLevel
                    let title = InlineLines(block).plainText
                    let section = Draft(title: title.isEmpty ? "(untitled)" : title, level: level, line: block.startLine)
                    while stack.count > 1 && stack[stack.count - 1].level >= level { stack.removeLast() }
                    stack[stack.count - 1].children.append(section)
                    stack.append(section)
                    ordered.append(section)
                    if let thumbnail = carried.take() { add(thumbnail, to: section) }
                } else if leading.contains(index) {
                    carried = block  // a lesson's thumbnail stands before the lesson's heading
                } else {
                    add(block, to: stack[stack.count - 1], after: index > 0 ? blocks[index - 1] : nil)
                }
            }
            // Both in file order: one walk gives each footnote the last heading above it.
            var section = 0
            for footnote in references.unreferencedFootnotes {
                while section + 1 < ordered.count && ordered[section + 1].line <= footnote.line { section += 1 }
                ordered[section].unreferencedFootnotes.append(footnote.text)
            }
            var budget = ReferenceLinks.appendixBudget(forFileOf: bytes.count)
            return (title, finish(root, budget: &budget))
        }
        guard let parsed else {
            return (nil, OutlineSection(title: "", level: 0, line: 1),
                    [ContentWarning(SourceLocation(file: file, line: 0), "cannot parse: out of memory")])
        }
        let warnings = parsed.limits.map { ContentWarning(SourceLocation(file: file, line: $0.line), $0.reason) }
        return (parsed.value.0, parsed.value.1, warnings)
    }

    private func finish(_ draft: Draft, budget: inout Int) -> OutlineSection {
        let note = references.completing(note(from: draft.noteRanges), with: draft.unreferencedFootnotes, budget: &budget)
        return OutlineSection(title: draft.title, level: draft.level, line: draft.line, note: note,
                              resources: draft.resources, children: draft.children.map { finish($0, budget: &budget) })
    }

    // MARK: Blocks

    /// `previous` is the block before this one, which may name the list that follows it.
    private func add(_ block: CmarkNode, to section: Draft, after previous: CmarkNode? = nil) {
        switch block.type {
        case CMARK_NODE_PARAGRAPH:
            addParagraph(block, to: section)
        case CMARK_NODE_LIST:
            if TableOfContents.isContents(block, heading: section.title, previous: previous) {
                // Links to the other notes of this folder: a map of the notes, not things to study.
                keep(block.startLine...max(block.startLine, block.endLine), in: section)
            } else {
                addList(block, to: section)
            }
        case CMARK_NODE_FOOTNOTE_DEFINITION where references.definesFootnote(atLine: block.startLine):
            break  // it reaches the notes that refer to it (`ReferenceLinks`)
        case CMARK_NODE_THEMATIC_BREAK:
            break  // a separator between sections, not prose
        case CMARK_NODE_HTML_BLOCK where block.literal.trimmingWhitespace().hasPrefix("<!--"):
            break  // comments are the writer's, not the reader's
        case CMARK_NODE_HTML_BLOCK where block.literal.contains("href"):
            addHTML(block, to: section)
        default:
            if block.typeString == "table" {
                addTable(block, to: section)
            } else {
                keep(block.startLine...max(block.startLine, block.endLine), in: section)
            }
        }
    }

    private func addParagraph(_ paragraph: CmarkNode, to section: Draft) {
        let inline = InlineLines(paragraph)
        let start = paragraph.startLine
        var consumed = [Bool](repeating: false, count: inline.lines.count)
        for (index, pieces) in inline.lines.enumerated() {
            guard var match = LinkLine.standalone(pieces) else { continue }
            if match.isUntitled || match.isGeneric, index > 0, !consumed[index - 1], let label = LinkLine.label(inline.lines[index - 1]) {
                match.title = label
                consumed[index - 1] = true
            } else if match.isGeneric, !section.heading.isEmpty, Thumbnails.isThumbnail(paragraph) {
                // A lesson's thumbnail whose image is called "thumbnail": the lesson's heading names it.
                match.title = section.heading
            }
            consumed[index] = true
            section.resources.append(RawResource(title: match.title, url: match.url, description: match.description,
                                                 line: start + index, checkbox: match.checkbox,
                                                 effortMinutes: match.effortMinutes))
        }
        // What is left of the paragraph is prose.
        var runStart: Int?
        for index in 0...consumed.count {
            let isProse = index < consumed.count && !consumed[index]
            if isProse && runStart == nil { runStart = index }
            if !isProse, let first = runStart {
                keep((start + first)...(start + index - 1), in: section)
                runStart = nil
            }
        }
    }

    /// Each `<a href="https://…">` of an HTML block is a resource, named by its image's alt
    /// text, else its own text, else the heading it stands under. The block stays in the note
    /// unless it shows nothing but those links.
    private func addHTML(_ block: CmarkNode, to section: Draft) {
        let (anchors, otherText) = HTMLAnchors.scan(block.literal)
        for anchor in anchors {
            let names = [anchor.imageText, anchor.text, anchor.tooltip].compactMap { $0 }.filter { !$0.isEmpty }
            let title = names.first { !GenericLinkText.isGeneric($0) }
                ?? (section.heading.isEmpty ? GenericLinkText.placeTitle(anchor.url) : section.heading)
            let description = names.filter { $0 != title }.first ?? ""
            section.resources.append(RawResource(title: title, url: anchor.url, description: description,
                                                 line: block.startLine + anchor.lineOffset, checkbox: nil))
        }
        if anchors.isEmpty || otherText {
            keep(block.startLine...max(block.startLine, block.endLine), in: section)
        }
    }

    private func addList(_ list: CmarkNode, to section: Draft) {
        for item in list.children { addItem(item, to: section) }
    }

    private func addItem(_ item: CmarkNode, to section: Draft) {
        let children = item.children
        guard let first = children.first, first.type == CMARK_NODE_PARAGRAPH else {
            if children.isEmpty { keep(item.startLine...max(item.startLine, item.endLine), in: section) }
            for child in children {
                if child.type == CMARK_NODE_LIST { addList(child, to: section) } else { add(child, to: section) }
            }
            return
        }
        let inline = InlineLines(first)
        // An item of one line (most) is its line's pieces as they are; only an item of several
        // lines is joined, and remembers which line each piece came from.
        var pieces: [InlinePiece] = inline.lines.count == 1 ? inline.lines[0] : []
        var pieceLines: [Int] = []
        if inline.lines.count > 1 {
            for (index, line) in inline.lines.enumerated() {
                if index > 0 { pieces.append(.text(" ")); pieceLines.append(index) }
                pieces.append(contentsOf: line)
                pieceLines.append(contentsOf: Array(repeating: index, count: line.count))
            }
        }
        let taskState: Bool? = item.isTaskItem ? item.isTaskChecked : nil
        let nestedLists = children.dropFirst().filter { $0.type == CMARK_NODE_LIST }

        if let match = LinkLine.item(pieces) {
            var description = match.description
            for extra in children.dropFirst() where extra.type == CMARK_NODE_PARAGRAPH {
                let text = InlineLines(extra).plainText
                if !text.isEmpty { description += description.isEmpty ? text : " " + text }
            }
            section.resources.append(RawResource(
                title: match.title, url: match.url, description: description,
                line: first.startLine + (pieceLines.isEmpty ? 0 : pieceLines[match.pieceIndex]), checkbox: taskState ?? match.checkbox,
                effortMinutes: match.effortMinutes))
        } else if let task = taskWithoutLink(pieces, taskState: taskState) {
            section.resources.append(RawResource(title: task.title, url: nil, description: "",
                                                 line: first.startLine, checkbox: task.checked,
                                                 effortMinutes: EffortText.find(in: task.title)))
        } else {
            // The item's own lines are prose up to its first nested list; blocks after that list
            // are added on their own, so the list's resources are not kept as prose.
            let nestedStart = nestedLists.first?.startLine ?? Int.max
            keep(item.startLine...max(item.startLine, min(item.endLine, nestedStart - 1)), in: section)
            for extra in children.dropFirst() where extra.type != CMARK_NODE_LIST && extra.startLine > nestedStart {
                add(extra, to: section)
            }
        }
        for list in nestedLists { addList(list, to: section) }
    }

    /// `- [ ] read chapter 3`: a thing to do without a link is still a resource to track.
    private func taskWithoutLink(_ pieces: [InlinePiece], taskState: Bool?) -> (title: String, checked: Bool)? {
        guard !pieces.contains(where: { if case .link = $0 { true } else { false } }) else { return nil }
        let (text, marker) = LinkLine.stripCheckbox(LinkLine.joined(pieces[...]))
        guard let checked = taskState ?? marker, !text.isEmpty else { return nil }
        return (text, checked)
    }

    private func addTable(_ table: CmarkNode, to section: Draft) {
        var everyRowIsResource = true
        var bodyRows = 0
        for (rowIndex, row) in table.children.enumerated() where !row.isTableRowHeader {
            bodyRows += 1
            let cells = row.children.map { InlineLines($0).lines.flatMap { $0 } }
            guard let cellIndex = cells.firstIndex(where: { $0.contains { if case .link = $0 { true } else { false } } }),
                  let match = LinkLine.item(cells[cellIndex])
            else {
                everyRowIsResource = false
                continue
            }
            let others = cells.indices.filter { $0 != cellIndex }.map { LinkLine.joined(cells[$0][...]).trimmingWhitespace() }
            let description = ([match.description] + others).filter { !$0.isEmpty }.joined(separator: " · ")
            // Row positions are not always reported; the delimiter row sits between header and body.
            let line = row.startLine > 0 ? row.startLine : table.startLine + rowIndex + 1
            section.resources.append(RawResource(title: match.title, url: match.url, description: description,
                                                 line: line, checkbox: match.checkbox, effortMinutes: match.effortMinutes))
        }
        if !everyRowIsResource || bodyRows == 0 {
            keep(table.startLine...max(table.startLine, table.endLine), in: section)
        }
    }

    // MARK: Notes

    private func keep(_ range: ClosedRange<Int>, in section: Draft) {
        guard range.lowerBound > 0 else { return }
        section.noteRanges.append(range)
    }

    /// The kept lines, in order; a blank line between pieces that were not adjacent.
    private func note(from ranges: [ClosedRange<Int>]) -> String {
        // The lines as ranges of `bytes` (an empty one for the blank line between pieces), and
        // the note decoded once from their bytes: not a string made per line, then joined.
        var out: [Range<Int>] = []
        var previousEnd = -1
        for range in ranges {
            if previousEnd >= 0 && range.lowerBound > previousEnd + 1 && out.last?.isEmpty == false {
                out.append(0..<0)
            }
            for number in range where number - 1 < lineStarts.count {
                out.append(lineRange(number))
            }
            previousEnd = range.upperBound
        }
        guard let first = out.firstIndex(where: { !isBlank($0) }),
              let last = out.lastIndex(where: { !isBlank($0) }) else { return "" }
        var joined: [UInt8] = []
        joined.reserveCapacity(out[first...last].reduce(0) { $0 + $1.count + 1 })
        for index in first...last {
            if index > first { joined.append(10) }
            joined.append(contentsOf: bytes[out[index]])
        }
        return String(decoding: joined, as: UTF8.self)
    }
}
