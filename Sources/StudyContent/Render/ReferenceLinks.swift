#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyText

/// The link reference definitions (`[docs]: https://…`) and footnote definitions (`[^1]: …`)
/// of one file, so that each section's note, rendered on its own, still resolves the
/// `[the docs][docs]` and `[^1]` it uses when the definitions sit elsewhere in the file (often
/// at its end). cmark consumes these lines, so a section's note never holds them: the outline
/// appends the ones a note uses (`appendix(for:)`), and a footnote no section refers to goes to
/// the section it is written in, so that no definition is lost.
///
/// One pass over the file's lines finds them; a note's appendix costs one pass over the note.
/// Definitions inside fenced code are not definitions; ones nested in lists or quotes are left to
/// cmark (they are then in the note that holds them).
struct ReferenceLinks {
    struct Definition {
        /// Normalised label: lowercased, runs of white space as one space; `^1` for a footnote.
        var label: String
        var line: Int
        /// The definition's Markdown lines, as written.
        var text: String
        var isFootnote: Bool { label.hasPrefix("^") }
    }

    private(set) var definitions: [Definition] = []
    private var byLabel: [String: Int] = [:]
    private var footnoteLines = Set<Int>()
    /// Footnote labels some line of the file refers to (`[^1]` not followed by `:`).
    private var referencedFootnotes = Set<String>()

    var isEmpty: Bool { definitions.isEmpty }
    /// The text ends inside a code fence: anything appended would be code.
    private(set) var endsInFence = false

    init(text: String) {
        // Most files define nothing: skip them after one cheap look for `]:`.
        guard Self.mayDefine(text) else { return }
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        var fence: (character: Character, length: Int)?
        var index = 0
        while index < all.count {
            let line = all[index]
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if let open = fence {
                if indent < 4, Self.fenceRun(trimmed).map({ $0.character == open.character && $0.length >= open.length
                    && trimmed.dropFirst($0.length).allSatisfy(\.isWhitespace) }) == true {
                    fence = nil
                }
                index += 1
                continue
            }
            if indent < 4, let run = Self.fenceRun(trimmed) {
                fence = run
                index += 1
                continue
            }
            collectFootnoteReferences(in: line)
            guard indent < 4, let label = Self.definitionLabel(trimmed) else {
                index += 1
                continue
            }
            var end = index
            if label.hasPrefix("^") {
                end = Self.footnoteEnd(all, from: index)
                for continuation in all[(index + 1)..<(end + 1)] { collectFootnoteReferences(in: continuation) }
            } else if index + 1 < all.count, Self.isTitleLine(all[index + 1]) {
                end = index + 1
            }
            if label.hasPrefix("^") { footnoteLines.insert(index + 1) }
            if byLabel[label] == nil {
                byLabel[label] = definitions.count
                definitions.append(Definition(label: label, line: index + 1,
                                              text: all[index...end].joined(separator: "\n")))
            }
            index = end + 1
        }
        endsInFence = fence != nil
    }

    /// How many bytes of definitions all the sections of a file of `size` bytes get appended
    /// together: footnotes citing footnotes, all cited from every section, would otherwise copy
    /// the whole file into each section. Past it, a section's references are shown as written.
    static func appendixBudget(forFileOf size: Int) -> Int { 4 * size + 64 * 1024 }

    /// The definitions `note` uses that it does not hold, as Markdown to append to it, their
    /// bytes taken from `budget` (the file's, see `appendixBudget`) while it lasts.
    func appendix(for note: String, budget: inout Int) -> String {
        guard !definitions.isEmpty, budget > 0 else { return "" }
        var used = Set<Int>()
        // In the order the note and then the footnotes use them, so that when the budget runs
        // out the same definitions are kept on every load.
        var pending = Self.bracketLabels(in: note).compactMap { byLabel[$0] }
        var position = 0
        // A footnote's own text may use other definitions.
        while position < pending.count {
            let next = pending[position]
            position += 1
            guard !used.contains(next) else { continue }
            guard definitions[next].text.utf8.count <= budget else { break }
            budget -= definitions[next].text.utf8.count
            used.insert(next)
            if definitions[next].isFootnote {
                for label in Self.bracketLabels(in: definitions[next].text) {
                    if let found = byLabel[label], !used.contains(found) { pending.append(found) }
                }
            }
        }
        return used.sorted().map { definitions[$0].text }.joined(separator: "\n\n")
    }

    /// `note` with the definitions it uses (within `budget`) and `unreferenced` footnotes appended.
    func completing(_ note: String, with unreferenced: [String], budget: inout Int) -> String {
        guard !definitions.isEmpty else { return note }
        let more = ([appendix(for: note, budget: &budget)] + unreferenced).filter { !$0.isEmpty }
        guard !more.isEmpty else { return note }
        return ([note] + more).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    func definesFootnote(atLine line: Int) -> Bool {
        footnoteLines.contains(line)
    }

    /// Footnotes that nothing in the file refers to: shown in the section they are written in.
    var unreferencedFootnotes: [Definition] {
        definitions.filter { $0.isFootnote && !referencedFootnotes.contains($0.label) }
    }

    // MARK: Reading lines

    private static func mayDefine(_ text: String) -> Bool { contains(text.utf8, UInt8(ascii: "]"), UInt8(ascii: ":")) }

    /// Whether `bytes` hold `first` directly followed by `second`. A string's bytes are read
    /// in place: stepping through a `UTF8View` one byte at a time costs ten times as much, and
    /// this runs over every file's whole text.
    static func contains<Bytes: Sequence<UInt8>>(_ bytes: Bytes, _ first: UInt8, _ second: UInt8) -> Bool {
        if let found = bytes.withContiguousStorageIfAvailable({ buffer -> Bool in
            guard buffer.count >= 2, let base = buffer.baseAddress else { return false }
            // memchr finds each `first` many bytes at a time.
            var index = 0
            while index < buffer.count - 1, let hit = memchr(base + index, Int32(first), buffer.count - 1 - index) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if buffer[at + 1] == second { return true }
                index = at + 1
            }
            return false
        }) {
            return found
        }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == second && previous == first { return true }
            previous = byte
        }
        return false
    }

    /// `[label]:` at the start of `line` (its indentation removed): the normalised label.
    static func definitionLabel(_ line: Substring) -> String? {
        guard line.first == "[", let close = line.firstIndex(of: "]") else { return nil }
        let after = line.index(after: close)
        guard after < line.endIndex, line[after] == ":" else { return nil }
        let label = line[line.index(after: line.startIndex)..<close]
        guard !label.isEmpty, label.count <= 999, !label.contains("[") else { return nil }
        return normalised(label)
    }

    static func normalised(_ label: Substring) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every `[text]` in `text` without a bracket inside, normalised: the labels it may use.
    static func bracketLabels(in text: String) -> [String] {
        var labels: [String] = []
        var open: String.Index?
        for index in text.indices {
            switch text[index] {
            case "[": open = text.index(after: index)
            case "]":
                if let start = open, start < index { labels.append(normalised(text[start..<index])) }
                open = nil
            default: break
            }
        }
        return labels
    }

    private mutating func collectFootnoteReferences(in line: Substring) {
        guard Self.contains(line.utf8, UInt8(ascii: "["), UInt8(ascii: "^")) else { return }
        var rest = line[...]
        while let open = rest.firstRange(of: "[^") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { return }
            let after = rest.index(after: close)
            let isDefinition = after < rest.endIndex && rest[after] == ":"
            if !isDefinition { referencedFootnotes.insert(Self.normalised(rest[rest.index(after: open.lowerBound)..<close])) }
            rest = rest[after...]
        }
    }

    /// A footnote's last line: its lazy continuation lines, and indented blocks after blank lines.
    private static func footnoteEnd(_ lines: [Substring], from start: Int) -> Int {
        var end = start
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if line.allSatisfy(\.isWhitespace) {
                var next = index + 1
                while next < lines.count, lines[next].allSatisfy(\.isWhitespace) { next += 1 }
                guard next < lines.count, isIndented(lines[next]) else { break }
                index = next
                continue
            }
            let trimmed = line.drop { $0 == " " }
            if !isIndented(line) && (definitionLabel(trimmed) != nil || trimmed.first == "#" || fenceRun(trimmed) != nil) { break }
            end = index
            index += 1
        }
        return end
    }

    private static func isIndented(_ line: Substring) -> Bool { line.hasPrefix("    ") || line.hasPrefix("\t") }

    /// A line holding only a link title: `"…"`, `'…'` or `(…)`.
    private static func isTitleLine(_ line: Substring) -> Bool {
        let text = line.trimmingWhitespace()
        guard text.count >= 2, let first = text.first, let last = text.last else { return false }
        return (first == "\"" && last == "\"") || (first == "'" && last == "'") || (first == "(" && last == ")")
    }

    /// A code fence's character and length: three or more backticks or tildes.
    private static func fenceRun(_ line: Substring) -> (character: Character, length: Int)? {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let length = line.prefix { $0 == first }.count
        return length >= 3 ? (first, length) : nil
    }
}
