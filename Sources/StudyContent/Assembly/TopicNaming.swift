import StudyText

/// Titles and order taken from file and folder names.
///
/// A name may open with a section number, `03-kubernetes.md` or `1.1.1-working-in-research.md`:
/// it orders the topic and is hidden from the title. Dotted numbers are section numbers, not
/// decimals, so `1.1.1` sorts after `1.1` and before `1.2`, and `1.10` after `1.9`.
enum TopicNaming {
    /// The characters that may stand between a section number and the name.
    private static let separators: Set<Character> = ["-", "_", ".", " "]

    /// `01-linear-algebra.md` → `linear algebra`, `2.3-foo.md` → `foo`: extension and section
    /// number dropped, dashes and underscores read as spaces. A name that is only a number
    /// (`1.2.md`) keeps it.
    static func title(fromName name: String, isFile: Bool) -> String {
        var stem = isFile ? stemOf(Substring(name)) : Substring(name)
        if let number = sectionNumber(stem), let nameStart = number.nameStart { stem = stem[nameStart...] }
        let spaced = String(stem.map { $0 == "-" || $0 == "_" ? " " : $0 }).trimmingWhitespace()
        return spaced.isEmpty ? String(name) : spaced
    }

    /// `01-foundations` → [1], `1.1.1-working` → [1, 1, 1], `1.10.md` → [1, 10]; nil without a
    /// section number standing alone or followed by a separator and a name.
    static func order(fromName name: String, isFile: Bool) -> TopicOrder? {
        let stem = isFile ? stemOf(Substring(name)) : Substring(name)
        return sectionNumber(stem).map { TopicOrder(parts: $0.parts) }
    }

    private static func stemOf(_ name: Substring) -> Substring {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return name[..<dot]
    }

    /// Groups of ASCII digits joined by single dots at the start of `name`, then either the end
    /// of the name or separators and the name (where it starts: `nameStart`). Anything else
    /// right after the digits (`3d-printing`) means there is no section number.
    private static func sectionNumber(_ name: Substring) -> (parts: [Double], nameStart: Substring.Index?)? {
        var parts: [Double] = []
        var index = name.startIndex
        while true {
            let digits = name[index...].prefix { $0.isASCII && $0.isNumber }
            guard let part = Double(String(digits)) else { return nil }
            parts.append(part)
            index = digits.endIndex
            let next = index < name.endIndex ? name.index(after: index) : index
            guard index < name.endIndex, name[index] == ".", next < name.endIndex,
                  name[next].isASCII, name[next].isNumber else { break }
            index = next
        }
        guard index < name.endIndex else { return (parts, nil) }
        guard separators.contains(name[index]) else { return nil }
        while index < name.endIndex, separators.contains(name[index]) { index = name.index(after: index) }
        guard index < name.endIndex else { return nil }
        return (parts, index)
    }
}

/// Where a topic sorts among its siblings: front matter `order` (one number) or the section
/// number of its name, compared part by part, a number before any longer one it begins
/// (`1.1` before `1.1.1` before `1.2`).
struct TopicOrder: Comparable {
    var parts: [Double]

    init(parts: [Double]) { self.parts = parts }
    init(_ number: Double) { parts = [number] }

    static func < (lhs: TopicOrder, rhs: TopicOrder) -> Bool {
        for (left, right) in zip(lhs.parts, rhs.parts) where left != right { return left < right }
        return lhs.parts.count < rhs.parts.count
    }
}
