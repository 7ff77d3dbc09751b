import StudyCore
import StudyText

/// YAML-style front matter at the very top of a file, between `---` lines. StudyDash reads four
/// keys, `title`, `order`, `effort` (a duration, as in `EffortText.duration`) and `ignore` (a
/// list of section headings to hide: `[License, Citation]`, one name, or `- name` lines below
/// the key); other keys are left alone. The block is blanked out (not removed) so that line
/// numbers in the rest of the file stay true.
struct FrontMatter {
    var title: String?
    var order: Double?
    var effort: Int?
    /// Headings to hide, as written; with the line of the key, for the warning when one matches nothing.
    var ignore: [String] = []
    var ignoreLine = 0
    var warnings: [ContentWarning] = []

    static let maxLines = 200

    /// Splits front matter off `text`; returns it with the text to parse.
    static func extract(from text: String, file: String) -> (FrontMatter, String) {
        guard text.hasPrefix("---") else { return (FrontMatter(), text) }
        let lines = text.split(separator: "\n", maxSplits: maxLines + 1, omittingEmptySubsequences: false)
        guard lines.first?.trimmingWhitespace() == "---" else { return (FrontMatter(), text) }
        guard let end = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingWhitespace()
            return line == "---" || line == "..."
        }), end <= maxLines else { return (FrontMatter(), text) }

        var matter = FrontMatter()
        var inIgnoreList = false
        for index in 1..<end {
            let line = lines[index]
            if inIgnoreList, let item = listItem(line) {
                if !item.isEmpty { matter.ignore.append(item) }
                continue
            }
            inIgnoreList = false
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("#") else { continue }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            let value = unquote(line[line.index(after: colon)...].trimmingWhitespace())
            switch key {
            case "title":
                if !value.isEmpty { matter.title = value }
            case "order":
                if let number = Double(value) {
                    matter.order = number
                } else {
                    matter.warnings.append(ContentWarning(SourceLocation(file: file, line: index + 1),
                                                          "front matter 'order' is not a number: \(value)"))
                }
            case "effort":
                if let minutes = EffortText.duration(value) {
                    matter.effort = minutes
                } else {
                    matter.warnings.append(ContentWarning(SourceLocation(file: file, line: index + 1),
                                                          "front matter 'effort' is not a duration: \(value)"))
                }
            case "ignore":
                matter.ignoreLine = index + 1
                if value.isEmpty {
                    inIgnoreList = true
                } else if value.hasPrefix("["), value.hasSuffix("]") {
                    matter.ignore += value.dropFirst().dropLast().split(separator: ",")
                        .map { unquote($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
                } else {
                    matter.ignore.append(value)
                }
            default:
                break
            }
        }
        // Keep every line (blank) so that cmark's line numbers match the file.
        var rest = String(repeating: "\n", count: end + 1)
        if end + 1 < lines.count {
            let restStart = lines[end + 1].startIndex
            rest += text[restStart...]
        }
        return (matter, rest)
    }

    /// `  - License` → `License`; nil when the line is not a list item.
    private static func listItem(_ line: Substring) -> String? {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.hasPrefix("- ") || trimmed == "-" else { return nil }
        return unquote(String(trimmed.dropFirst()).trimmingWhitespace())
    }

    private static func unquote(_ value: String) -> String {
        if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
