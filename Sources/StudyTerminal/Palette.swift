import CNcursesw
import TermGrid

/// How a `CellStyle` looks on this terminal: its attributes as ncurses attributes, and its role
/// as a colour pair of the theme when colour is on, or as attributes alone when it is off
/// (`NO_COLOR`, a monochrome terminal, the `mono` theme), so that roles stay distinguishable
/// either way. The theme's colours are fitted to what the terminal has (`ColorDepth`).
struct Palette {
    /// Indexed by `CellStyle.Attributes.rawValue` (5 bits).
    private var attributeTable: [attr_t] = []
    /// Indexed by `CellStyle.Role.rawValue`.
    private var roleTable: [(attributes: attr_t, pair: Int16)] = []

    /// Call after newterm. Starts colour when `useColor`, the theme has colours and the terminal
    /// has them; `colorTerm` is `$COLORTERM`, which alone may allow 24-bit colours.
    init(useColor: Bool, theme: Theme = .standard, colorTerm: String? = nil) {
        let bold = studydash_attr_bold(), dim = studydash_attr_dim(), underline = studydash_attr_underline()
        attributeTable = (0..<32).map { bits in
            let attributes = CellStyle.Attributes(rawValue: UInt8(bits))
            var result: attr_t = 0
            if attributes.contains(.bold) { result |= bold }
            if attributes.contains(.dim) { result |= dim }
            if attributes.contains(.reverse) { result |= studydash_attr_reverse() }
            if attributes.contains(.underline) { result |= underline }
            if attributes.contains(.italic) { result |= studydash_attr_italic() }
            return result
        }
        let monochrome = CellStyle.Role.allCases.map { (Self.monochrome($0, bold: bold, dim: dim, underline: underline), Int16(0)) }
        guard useColor && !theme.isMonochrome && has_colors() && start_color() == OK else {
            roleTable = monochrome
            return
        }
        let depth = ColorDepth.detect(terminfoColors: Int(studydash_colors()), colorTerm: colorTerm)
        // -1 is the terminal's own background (and foreground); only after use_default_colors.
        let own = use_default_colors() == OK
        roleTable = CellStyle.Role.allCases.map { role in
            guard let colors = theme.roles[role] else { return monochrome[Int(role.rawValue)] }
            let foreground = colors.foreground(for: depth).map { Int32($0.number(for: depth)) } ?? (own ? -1 : COLOR_WHITE)
            let background = colors.background.map { Int32($0.number(for: depth)) } ?? (own ? -1 : COLOR_BLACK)
            let attributes = Self.colouredAttributes(role, bold: bold, underline: underline)
            let pair = Int32(role.rawValue)
            guard init_extended_pair(pair, foreground, background) == OK else { return (attributes, 0) }
            return (attributes, Int16(pair))
        }
    }

    func rendition(of style: CellStyle) -> (attributes: attr_t, pair: Int16) {
        let role = roleTable[Int(style.role.rawValue)]
        return (attributeTable[Int(style.attributes.rawValue & 31)] | role.attributes, role.pair)
    }

    /// Without colour: only the roles that must stand out get an attribute.
    private static func monochrome(_ role: CellStyle.Role, bold: attr_t, dim: attr_t, underline: attr_t) -> attr_t {
        switch role {
        case .heading, .done, .accent, .warning: return bold
        case .link: return underline
        // Not reverse: the cursor's row is reversed, and a match on it must still show.
        case .match: return bold | underline
        case .skipped: return dim
        case .plain, .learning, .code: return 0
        }
    }

    /// With colour, what a role keeps besides it: links underlined, headings and matches bold.
    private static func colouredAttributes(_ role: CellStyle.Role, bold: attr_t, underline: attr_t) -> attr_t {
        switch role {
        case .link: return underline
        case .heading, .match: return bold
        case .plain, .accent, .done, .learning, .skipped, .warning, .code: return 0
        }
    }
}
