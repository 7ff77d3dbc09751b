@testable import StudyTUI
import TermGrid

/// A grid's styles written as one letter per cell, so that a test can compare the selection
/// highlight and the colour roles as text, row by row, beside the characters they style.
///
/// Letters are mnemonic: the role's letter when the cell has a role (`d` done, `l` learning,
/// `s` skipped, `h` heading, `k` link, `c` code, `a` accent, `w` warning, `x` a search's
/// match, `m` a note's highlight, `t` a tag; in a code block `o` its text, `y` a keyword, `q` a
/// string or a number, `g` a comment), else its first attribute's (`b` bold, `i` italic,
/// `u` underline, `f` faint, i.e. dim), `.` for plain; reverse
/// (the focused selection, the status row) makes the letter uppercase, `R` for plain reversed.
/// Two styles that would share a letter (bold heading and plain heading) are told apart by a
/// legend: the first in a fixed order keeps the letter, the next takes another one it names.
enum StyleLetters {
    /// One letter per style in `styles`, the same whatever order the styles come in, so a new
    /// style elsewhere on the screen relabels as few cells as possible.
    static func legend(for styles: Set<CellStyle>) -> [CellStyle: Character] {
        let ordered = styles.sorted {
            ($0.attributes.rawValue.nonzeroBitCount, $0.role.rawValue, $0.attributes.rawValue)
                < ($1.attributes.rawValue.nonzeroBitCount, $1.role.rawValue, $1.attributes.rawValue)
        }
        var letters: [CellStyle: Character] = [:]
        var taken = Set<Character>()
        for style in ordered {
            let letter = candidates(style).first { !taken.contains($0) } ?? "?"
            letters[style] = letter
            taken.insert(letter)
        }
        return letters
    }

    /// The letters of `grid`'s row `y`, a continuation cell (the right half of a wide character)
    /// repeating its style, so that letters stay under the columns they style. Trailing plain
    /// cells are left out, as trailing spaces are from the text.
    static func row(_ y: Int, of grid: Grid, _ letter: (CellStyle) -> Character) -> String {
        var letters = (0..<grid.width).map { letter(grid[$0, y].style) }
        while !letters.isEmpty, grid[letters.count - 1, y].style == .plain { letters.removeLast() }
        return String(letters)
    }

    /// `d  done`, one line per letter, in alphabetical order (a lowercase letter before its capital).
    static func legendLines(_ legend: [CellStyle: Character]) -> [String] {
        func order(_ letter: Character) -> (String, Int) { (letter.lowercased(), letter.isUppercase ? 1 : 0) }
        return legend.sorted { order($0.value) < order($1.value) }.map { "\($0.value)  \(describe($0.key))" }
    }

    static func styles(in grid: Grid) -> Set<CellStyle> { Set(grid.cells.map(\.style)) }

    /// `heading, bold`: what a legend line says a letter means (the role first, when not plain).
    static func describe(_ style: CellStyle) -> String {
        let attributes = names.filter { style.attributes.contains($0.attribute) }.map(\.name)
        let role = style.role == .plain ? [] : [String(describing: style.role)]
        return role + attributes == [] ? "plain" : (role + attributes).joined(separator: ", ")
    }

    private static let names: [(attribute: CellStyle.Attributes, letter: Character, name: String)] = [
        (.bold, "b", "bold"), (.italic, "i", "italic"), (.underline, "u", "underline"), (.dim, "f", "dim"),
        (.reverse, "r", "reverse"),
    ]

    private static func roleLetter(_ role: CellStyle.Role) -> Character? {
        switch role {
        case .plain: nil
        case .accent: "a"
        case .done: "d"
        case .learning: "l"
        case .skipped: "s"
        case .warning: "w"
        case .link: "k"
        case .code: "c"
        case .heading: "h"
        case .match: "x"
        case .highlight: "m"
        case .tag: "t"
        case .codeBlock: "o"
        case .codeKeyword: "y"
        case .codeLiteral: "q"
        case .codeComment: "g"
        case .muted: "f"
        case .selection: "r"
        case .bar: "d"
        }
    }

    /// The letters a style may take, the most telling first.
    private static func candidates(_ style: CellStyle) -> [Character] {
        let reversed = style.attributes.contains(.reverse)
        if style == .plain { return ["."] }
        var mnemonic = [roleLetter(style.role)].compactMap { $0 }
        mnemonic += names.filter { $0.attribute != .reverse && style.attributes.contains($0.attribute) }.map(\.letter)
        if mnemonic.isEmpty { mnemonic = ["r"] }
        let spare = Array("eghjmnopqtvyz")
        let letters = (mnemonic + spare).map { reversed ? Character($0.uppercased()) : $0 }
        return letters + Array("123456789#%&*+=@")
    }
}
