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
    private var isMonochrome = false
    private var theme = Theme.mono

    /// Call after newterm. Starts colour when `useColor`, the theme has colours and the terminal
    /// has them; `colorTerm` is `$COLORTERM`, which alone may allow 24-bit colours.
    init(useColor: Bool, theme: Theme = .standard, colorTerm: String? = nil) {
        attributeTable = (0..<32).map { bits in
            let attributes = CellStyle.Attributes(rawValue: UInt8(bits))
            var result: attr_t = 0
            if attributes.contains(.bold) { result |= studydash_attr_bold() }
            if attributes.contains(.dim) { result |= studydash_attr_dim() }
            if attributes.contains(.reverse) { result |= studydash_attr_reverse() }
            if attributes.contains(.underline) { result |= studydash_attr_underline() }
            if attributes.contains(.italic) { result |= studydash_attr_italic() }
            return result
        }
        guard useColor && !theme.isMonochrome && has_colors() && start_color() == OK else {
            isMonochrome = true
            return
        }
        self.theme = theme
        let depth = ColorDepth.detect(terminfoColors: Int(studydash_colors()), colorTerm: colorTerm)
        // -1 is the terminal's own background (and foreground); only after use_default_colors.
        let own = use_default_colors() == OK
        let table = attributeTable
        roleTable = CellStyle.Role.allCases.map { role in
            // A role the theme leaves without colour keeps the attributes it has without colour.
            guard let colors = theme.colors(of: role) else { return (table[Int(role.monochrome.rawValue & 31)], 0) }
            let foreground = colors.foreground(for: depth).map { Int32($0.number(for: depth)) } ?? (own ? -1 : COLOR_WHITE)
            let background = colors.background.map { Int32($0.number(for: depth)) } ?? (own ? -1 : COLOR_BLACK)
            let attributes = table[Int(Self.colouredAttributes(role).rawValue)]
            let pair = Int32(role.rawValue)
            guard init_extended_pair(pair, foreground, background) == OK else { return (attributes, 0) }
            return (attributes, Int16(pair))
        }
    }

    func rendition(of style: CellStyle) -> (attributes: attr_t, pair: Int16) {
        // Without colour: only the roles that must stand out get an attribute (`CellStyle.monochrome`).
        if isMonochrome { return (attributeTable[Int(style.monochrome.attributes.rawValue & 31)], 0) }
        let role = roleTable[Int(style.role.rawValue)]
        // The cursor row in the theme's `selection` colours rather than reversed (see `Theme.selecting`).
        let selection = roleTable[Int(CellStyle.Role.selection.rawValue)].pair
        if selection != 0, let kept = theme.selecting(style) {
            return (attributeTable[Int(kept.rawValue & 31)] | role.attributes, selection)
        }
        return (attributeTable[Int(style.attributes.rawValue & 31)] | role.attributes, role.pair)
    }

    /// With colour, what a role keeps besides it: links underlined, headings, matches and
    /// keywords bold, comments dim.
    private static func colouredAttributes(_ role: CellStyle.Role) -> CellStyle.Attributes {
        switch role {
        case .link: return .underline
        case .heading, .match, .codeKeyword: return .bold
        case .codeComment: return .dim
        case .plain, .accent, .done, .learning, .skipped, .warning, .code, .codeBlock, .codeLiteral, .highlight, .tag,
             .muted, .selection, .bar:
            return []
        }
    }
}
